// Which language's version of an exercise the learner works on, and the one call that checks
// it with that language's checker. A lesson's exercise is JavaScript, sometimes with a Python
// twin; a learner who chose Python gets the twin where there is one. Pure Node: no vscode.
import type { Invocation } from '../process/run';
import type { ExerciseFiles, Language, LessonExercise } from '../lessons/types';
import { runChecks } from './checker';
import { runPythonChecks } from './pythonChecker';
import type { CheckReport } from './types';

export interface ExerciseVariant extends ExerciseFiles {
  language: Language;
  /** The extension of the learner's file and of the reference solution's document. */
  extension: '.js' | '.py';
}

/** The exercise in the wanted language, or in JavaScript when it has no version in that one. */
export function exerciseVariant(exercise: LessonExercise, wanted: Language): ExerciseVariant {
  const { starter, solution, checks, hints } = wanted === 'python' && exercise.python ? exercise.python : exercise;
  const language = wanted === 'python' && exercise.python ? 'python' : 'javascript';
  return { starter, solution, checks, hints, language, extension: language === 'python' ? '.py' : '.js' };
}

/** The languages an exercise exists in, JavaScript first. */
export function exerciseLanguages(exercise: LessonExercise): Language[] {
  return exercise.python ? ['javascript', 'python'] : ['javascript'];
}

/**
 * Runs the variant's checks against the learner's file with its language's checker.
 * @param invocation how its interpreter runs (node with its flags, or python3).
 */
export function checkVariant(
  variant: ExerciseVariant,
  invocation: Invocation,
  solutionFile: string,
  timeoutMs: number,
): Promise<CheckReport> {
  const files = { checksFile: variant.checks, solutionFile, timeoutMs };
  return variant.language === 'python'
    ? runPythonChecks({ pythonCommand: invocation.command, ...files })
    : runChecks({ nodeCommand: invocation.command, nodeArgs: invocation.args, ...files });
}
