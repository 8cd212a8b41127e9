import * as assert from 'node:assert/strict';
import {
  courseCounts,
  emptyProgress,
  hintsUsed,
  parseProgress,
  stateOf,
  withCompleted,
  withExampleRun,
  withHintRevealed,
  withOpened,
} from '../../src/lessons/progress';
import type { Lesson } from '../../src/lessons/types';

const lesson = (id: string, exampleIds: string[], exercise = false) =>
  ({ id, examples: exampleIds.map((e) => ({ id: e })), exercise: exercise ? {} : undefined }) as unknown as Lesson;

describe('progress rules', () => {
  it('moves new → opened → completed and never back by opening', () => {
    let p = emptyProgress();
    assert.equal(stateOf(p, 'a'), 'new');
    p = withOpened(p, 'a');
    assert.equal(stateOf(p, 'a'), 'opened');
    p = withCompleted(p, 'a');
    p = withOpened(p, 'a');
    assert.equal(stateOf(p, 'a'), 'completed');
  });

  it('completes a lesson once every example has run, but not an exercise lesson', () => {
    const l = lesson('a', ['x', 'y']);
    let p = withExampleRun(emptyProgress(), l, 'a', 'x');
    assert.equal(stateOf(p, 'a'), 'opened');
    p = withExampleRun(p, l, 'a', 'x');
    assert.equal(stateOf(p, 'a'), 'opened');
    p = withExampleRun(p, l, 'a', 'y');
    assert.equal(stateOf(p, 'a'), 'completed');
    const ex = lesson('e', ['x'], true);
    assert.equal(stateOf(withExampleRun(emptyProgress(), ex, 'e', 'x'), 'e'), 'opened');
  });

  it('completes a lesson once every example of one language has run', () => {
    const l = {
      id: 'b',
      examples: [
        { id: 'js1', language: 'javascript' },
        { id: 'js2', language: 'javascript' },
        { id: 'py1', language: 'python' },
      ],
    } as unknown as Lesson;
    let p = withExampleRun(emptyProgress(), l, 'b', 'js1');
    p = withExampleRun(p, l, 'b', 'py1');
    assert.equal(stateOf(withExampleRun(emptyProgress(), l, 'b', 'js1'), 'b'), 'opened');
    assert.equal(stateOf(p, 'b'), 'completed'); // every Python example (one) has run
    let q = withExampleRun(emptyProgress(), l, 'b', 'js1');
    q = withExampleRun(q, l, 'b', 'js2');
    assert.equal(stateOf(q, 'b'), 'completed');
  });

  it('does not mutate the previous state', () => {
    const p = emptyProgress();
    withOpened(p, 'a');
    assert.equal(stateOf(p, 'a'), 'new');
  });

  it('keeps only well-formed entries from stored data', () => {
    const p = parseProgress({
      lessons: { a: { state: 'completed', examplesRun: ['x', 3] }, b: { state: 'weird' }, c: 'x' },
    });
    assert.equal(stateOf(p, 'a'), 'completed');
    assert.deepEqual(p.lessons.a.examplesRun, ['x']);
    assert.equal(p.lessons.b, undefined);
    assert.equal(p.lessons.c, undefined);
    assert.deepEqual(parseProgress(undefined), emptyProgress());
    assert.deepEqual(parseProgress('garbage'), emptyProgress());
  });
});

describe('hints and course counts', () => {
  it('reveals hints one at a time, never past the last, and remembers the count', () => {
    let p = emptyProgress();
    assert.equal(hintsUsed(p, 'e', 3), 0);
    p = withHintRevealed(p, 'e', 3);
    assert.equal(hintsUsed(p, 'e', 3), 1);
    assert.equal(stateOf(p, 'e'), 'opened');
    p = withHintRevealed(withHintRevealed(p, 'e', 3), 'e', 3);
    assert.equal(hintsUsed(p, 'e', 3), 3);
    const same = withHintRevealed(p, 'e', 3);
    assert.equal(hintsUsed(same, 'e', 3), 3);
    // Stored data survives the round trip through globalState, and nonsense in it is dropped.
    assert.equal(hintsUsed(parseProgress(JSON.parse(JSON.stringify(p))), 'e', 3), 3);
    assert.equal(
      parseProgress({ lessons: { e: { state: 'opened', examplesRun: [], hintsUsed: -2 } } }).lessons.e.hintsUsed,
      undefined,
    );
    assert.equal(
      parseProgress({ lessons: { e: { state: 'opened', examplesRun: [], hintsUsed: 'x' } } }).lessons.e.hintsUsed,
      undefined,
    );
    // An exercise that now has fewer hints than were used shows all of its hints, no more.
    assert.equal(hintsUsed(p, 'e', 2), 2);
  });

  it('does not complete a lesson by revealing hints', () => {
    let p = emptyProgress();
    for (let i = 0; i < 5; i++) p = withHintRevealed(p, 'e', 2);
    assert.equal(stateOf(p, 'e'), 'opened');
  });

  it('counts completed lessons and those left', () => {
    let p = withCompleted(emptyProgress(), 'a');
    p = withOpened(p, 'b');
    p = withCompleted(p, 'gone'); // a lesson no longer in the course does not count
    assert.deepEqual(courseCounts(p, ['a', 'b', 'c']), { done: 1, total: 3, left: 2 });
    assert.deepEqual(courseCounts(emptyProgress(), []), { done: 0, total: 0, left: 0 });
  });
});
