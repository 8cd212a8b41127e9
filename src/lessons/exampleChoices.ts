// The examples offered by Run Example and Open Example from the palette: every example, the
// chosen language's first, each tagged with its language and lesson.
import { LANGUAGE_NAMES, type Language, type Lesson, type LessonExample } from './types';

export interface ExampleChoice {
  label: string;
  description: string;
  lesson: Lesson;
  example: LessonExample;
}

export function exampleChoices(lessons: readonly Lesson[], chosen: Language): ExampleChoice[] {
  const all = lessons.flatMap((lesson) =>
    lesson.examples.map((example) => ({
      label: example.title,
      description: `${LANGUAGE_NAMES[example.language]} · ${lesson.title}`,
      lesson,
      example,
    })),
  );
  return [...all.filter((c) => c.example.language === chosen), ...all.filter((c) => c.example.language !== chosen)];
}
