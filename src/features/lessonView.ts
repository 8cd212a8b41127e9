// STUB: replaced by the lesson view implementation.
import type { LessonServices } from './services';
export function registerLessonView(_services: LessonServices): void {}
