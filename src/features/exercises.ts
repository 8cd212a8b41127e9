// STUB: replaced by the exercises implementation.
import type { LessonServices } from './services';
export function registerExercises(_services: LessonServices): void {}
