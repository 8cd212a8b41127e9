import * as assert from 'node:assert/strict';
import { exampleFromArg, lessonFromArg, type CatalogStore } from '../../src/features/services';
import type { Lesson } from '../../src/lessons/types';

const lesson = { id: 'intro', examples: [{ id: 'cycle' }] } as unknown as Lesson;
const catalog = {
  lesson: (id: string) => (id === 'intro' ? lesson : undefined),
  example: (l: string, e: string) => (l === 'intro' ? lesson.examples.find((x) => x.id === e) : undefined),
} as unknown as CatalogStore;

describe('command arguments', () => {
  it('resolve a lesson from an id, a tree node or { lessonId }', () => {
    assert.equal(lessonFromArg(catalog, 'intro'), lesson);
    assert.equal(lessonFromArg(catalog, { kind: 'lesson', lesson }), lesson);
    assert.equal(lessonFromArg(catalog, { lessonId: 'intro' }), lesson);
  });

  it('reject unknown ids and junk from a webview or the palette', () => {
    assert.equal(lessonFromArg(catalog, 'nope'), undefined);
    assert.equal(lessonFromArg(catalog, { lessonId: 42 }), undefined);
    assert.equal(lessonFromArg(catalog, null), undefined);
    assert.equal(lessonFromArg(catalog, { kind: 'lesson', lesson: { id: '../../etc' } }), undefined);
  });

  it('resolve an example only when both ids exist', () => {
    assert.deepEqual(exampleFromArg(catalog, { lessonId: 'intro', exampleId: 'cycle' }), {
      lesson,
      example: lesson.examples[0],
    });
    assert.equal(exampleFromArg(catalog, { lessonId: 'intro', exampleId: 'nope' }), undefined);
    assert.equal(exampleFromArg(catalog, { lessonId: 'intro' }), undefined);
    assert.equal(exampleFromArg(catalog, 'intro'), undefined);
    assert.deepEqual(
      exampleFromArg(catalog, { kind: 'example', lesson, example: lesson.examples[0] })?.example,
      lesson.examples[0],
    );
  });
});
