import * as assert from 'node:assert/strict';
import { emptyProgress, parseProgress, stateOf, withCompleted, withExampleRun, withOpened } from '../../src/lessons/progress';
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
    const p = parseProgress({ lessons: { a: { state: 'completed', examplesRun: ['x', 3] }, b: { state: 'weird' }, c: 'x' } });
    assert.equal(stateOf(p, 'a'), 'completed');
    assert.deepEqual(p.lessons.a.examplesRun, ['x']);
    assert.equal(p.lessons.b, undefined);
    assert.equal(p.lessons.c, undefined);
    assert.deepEqual(parseProgress(undefined), emptyProgress());
    assert.deepEqual(parseProgress('garbage'), emptyProgress());
  });
});
