// Reads lessons/ into a typed catalogue. Every problem is collected and reported against
// its folder, so one malformed lesson never hides the others.
import * as fs from 'fs';
import * as path from 'path';
import { TOPIC_IDS } from './topics';
import { scanLessonMarkdown } from './lessonMarkdown';
import type { Catalog, ExerciseFiles, Language, Lesson, LessonError, LessonExample, LessonExercise } from './types';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An example's language is its file's extension; nothing else to declare or get wrong. */
const EXAMPLE_EXTENSIONS: ReadonlyArray<[RegExp, Language]> = [
  [/\.[cm]?js$/, 'javascript'],
  [/\.py$/, 'python'],
];
const EXAMPLE_FILE = /\.([cm]?js|py)$/;
const JS_FILE = /\.[cm]?js$/;
/** Lesson texts and examples are small; anything bigger is a mistake, not a lesson. */
const MAX_FILE_BYTES = 512 * 1024;

export function expectedOutputPath(exampleFile: string): string {
  return exampleFile.replace(EXAMPLE_FILE, '') + '.out';
}

export function languageOf(exampleFile: string): Language | undefined {
  return EXAMPLE_EXTENSIONS.find(([ext]) => ext.test(exampleFile))?.[1];
}

/** Lines compared without trailing white space, and without trailing blank lines. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/** The example ids lesson.md places, in order (the same parser the page renders with). */
export function exampleMarkers(markdown: string): string[] {
  return scanLessonMarkdown(markdown).examples.map((m) => m.id);
}

export function loadCatalog(lessonsDir: string): Catalog {
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  let folders: string[];
  try {
    folders = fs
      .readdirSync(lessonsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch (e) {
    errors.push({ kind: 'error', folder: path.basename(lessonsDir), dir: lessonsDir, problems: [`cannot read the lessons folder: ${message(e)}`] });
    return { lessons, errors };
  }
  for (const folder of folders) {
    const dir = path.join(lessonsDir, folder);
    const result = loadLesson(dir);
    if (result.kind === 'lesson') lessons.push(result);
    else errors.push(result);
  }
  crossCheck(lessons, errors);
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons, errors };
}

/** Ids and orders must be unique across lessons; the later duplicate becomes an error entry. */
function crossCheck(lessons: Lesson[], errors: LessonError[]): void {
  const seenIds = new Map<string, string>();
  const seenOrders = new Map<number, string>();
  for (let i = 0; i < lessons.length; i++) {
    const lesson = lessons[i];
    const folder = path.basename(lesson.dir);
    const problems: string[] = [];
    const idOwner = seenIds.get(lesson.id);
    if (idOwner) problems.push(`id "${lesson.id}" is already used by ${idOwner}`);
    const orderOwner = seenOrders.get(lesson.order);
    if (orderOwner) problems.push(`order ${lesson.order} is already used by ${orderOwner}`);
    if (problems.length) {
      errors.push({ kind: 'error', folder, dir: lesson.dir, problems });
      lessons.splice(i--, 1);
      continue;
    }
    seenIds.set(lesson.id, folder);
    seenOrders.set(lesson.order, folder);
  }
}

export function loadLesson(dir: string): Lesson | LessonError {
  const folder = path.basename(dir);
  const problems: string[] = [];
  const fail = (): LessonError => ({ kind: 'error', folder, dir, problems });

  const metaText = readSmallFile(path.join(dir, 'lesson.json'), problems);
  const markdown = readSmallFile(path.join(dir, 'lesson.md'), problems);
  if (metaText === undefined || markdown === undefined) return fail();

  let meta: unknown;
  try {
    meta = JSON.parse(metaText);
  } catch (e) {
    problems.push(`lesson.json is not valid JSON: ${message(e)}`);
    return fail();
  }
  if (!isObject(meta)) {
    problems.push('lesson.json must hold an object');
    return fail();
  }

  const id = meta.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) problems.push('"id" must be lowercase words joined by "-", e.g. "simple-example"');
  const title = meta.title;
  if (typeof title !== 'string' || !title.trim()) problems.push('"title" must be a non-empty string');
  const order = meta.order;
  if (typeof order !== 'number' || !Number.isInteger(order)) problems.push('"order" must be an integer');
  const summary = meta.summary ?? '';
  if (typeof summary !== 'string') problems.push('"summary" must be a string');
  const pythonSummary = meta.pythonSummary;
  if (pythonSummary !== undefined && typeof pythonSummary !== 'string') problems.push('"pythonSummary" must be a string');

  const topics = meta.topics;
  if (!Array.isArray(topics) || topics.length === 0) problems.push('"topics" must be a non-empty array of topic ids');
  else
    for (const t of topics)
      if (typeof t !== 'string' || !(TOPIC_IDS as readonly string[]).includes(t))
        problems.push(`unknown topic ${JSON.stringify(t)}; known topics: ${TOPIC_IDS.join(', ')}`);

  const examples = loadExamples(dir, meta.examples, problems);
  const exercise = meta.exercise === undefined ? undefined : loadExercise(dir, meta.exercise, problems);

  const scanned = scanLessonMarkdown(markdown);
  for (const p of scanned.problems) problems.push(`lesson.md ${p}`);
  const markers = scanned.examples;
  for (const ex of examples) {
    const placed = markers.filter((m) => m.id === ex.id);
    if (placed.length !== 1) problems.push(`lesson.md must place example "${ex.id}" exactly once with <!-- example: ${ex.id} --> (found ${placed.length})`);
    // Inside another language's block it would never be shown with its own language chosen.
    else if (placed[0].language && placed[0].language !== ex.language)
      problems.push(`lesson.md line ${placed[0].line}: ${ex.language} example "${ex.id}" is inside a <!-- language: ${placed[0].language} --> block`);
  }
  for (const m of markers) if (!examples.some((ex) => ex.id === m.id)) problems.push(`lesson.md places an unknown example "${m.id}"`);
  for (const orphan of unlistedExampleFiles(dir, examples)) problems.push(`${orphan} is not listed in lesson.json "examples"`);

  if (problems.length) return fail();
  return {
    kind: 'lesson',
    id: id as string,
    title: (title as string).trim(),
    order: order as number,
    summary: summary as string,
    ...(typeof pythonSummary === 'string' ? { pythonSummary } : {}),
    topics: topics as string[],
    dir,
    markdown,
    examples,
    exercise,
  };
}

function loadExamples(dir: string, raw: unknown, problems: string[]): LessonExample[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('"examples" must be an array');
    return [];
  }
  const examples: LessonExample[] = [];
  const ids = new Set<string>();
  raw.forEach((entry, i) => {
    const where = `examples[${i}]`;
    if (!isObject(entry)) return void problems.push(`${where} must be an object`);
    const before = problems.length;
    const { id, title, file, gcDependent, expectFailure, chart } = entry;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) problems.push(`${where}.id must be lowercase words joined by "-"`);
    else if (ids.has(id)) problems.push(`${where}.id "${id}" is used twice`);
    else ids.add(id);
    if (title !== undefined && typeof title !== 'string') problems.push(`${where}.title must be a string`);
    if (gcDependent !== undefined && typeof gcDependent !== 'boolean') problems.push(`${where}.gcDependent must be true or false`);
    if (chart !== undefined && typeof chart !== 'boolean') problems.push(`${where}.chart must be true or false`);
    let failure: LessonExample['expectFailure'];
    if (expectFailure !== undefined) {
      if (!isObject(expectFailure) || typeof expectFailure.errorType !== 'string' || typeof expectFailure.messageIncludes !== 'string' || !expectFailure.errorType)
        problems.push(`${where}.expectFailure must be { "errorType": string, "messageIncludes": string }`);
      else failure = { errorType: expectFailure.errorType, messageIncludes: expectFailure.messageIncludes };
    }
    const absFile = resolveInside(dir, file, `${where}.file`, problems, EXAMPLE_FILE, 'a .js or .py file');
    const language = absFile ? languageOf(absFile) : undefined;
    if (language === 'python' && chart === true) problems.push(`${where}.chart: only JavaScript examples can chart`);
    let expectedOutput: string | undefined;
    if (absFile) {
      if (!isFile(absFile)) problems.push(`${where}.file ${JSON.stringify(file)} does not exist`);
      else expectedOutput = readSmallFile(expectedOutputPath(absFile), problems);
    }
    // hello.js and hello.py would share hello.out: one of them could not say what it prints.
    const sharer = absFile ? examples.find((e) => expectedOutputPath(e.file) === expectedOutputPath(absFile)) : undefined;
    if (sharer) problems.push(`${where}.file ${JSON.stringify(file)} would share its .out file with example "${sharer.id}"; give it another name`);
    if (problems.length > before || !absFile || !language || expectedOutput === undefined) return;
    examples.push({
      id: id as string,
      title: (title as string | undefined) ?? (id as string),
      language,
      file: absFile,
      relativeFile: (file as string).split(path.sep).join('/'),
      expectedOutput: normalizeOutput(expectedOutput),
      gcDependent: gcDependent === true,
      expectFailure: failure,
      chart: chart === true,
    });
  });
  return examples;
}

function loadExercise(dir: string, raw: unknown, problems: string[]): LessonExercise | undefined {
  if (!isObject(raw)) {
    problems.push('"exercise" must be { "starter", "solution", "checks", "hints" }');
    return undefined;
  }
  const paths: Partial<LessonExercise> = {};
  for (const key of ['starter', 'solution', 'checks'] as const) {
    const abs = resolveInside(dir, raw[key], `exercise.${key}`, problems, JS_FILE, 'a .js file');
    if (abs && !isFile(abs)) problems.push(`exercise.${key} ${JSON.stringify(raw[key])} does not exist`);
    else if (abs) paths[key] = abs;
  }
  const hints = loadHints(raw.hints, 'exercise.hints', problems);
  const python =
    raw.python === undefined || !hints ? undefined : loadPythonExercise(dir, raw.python, hints.length, problems);
  if (!paths.starter || !paths.solution || !paths.checks || !hints) return undefined;
  return { starter: paths.starter, solution: paths.solution, checks: paths.checks, hints, ...(python ? { python } : {}) };
}

/** The hints used are counted once per exercise, whatever the language, so both have as many. */
function loadPythonExercise(dir: string, raw: unknown, hintCount: number, problems: string[]): ExerciseFiles | undefined {
  if (!isObject(raw)) {
    problems.push('"exercise.python" must be { "starter", "solution", "checks", "hints" }');
    return undefined;
  }
  const paths: Partial<ExerciseFiles> = {};
  for (const key of ['starter', 'solution', 'checks'] as const) {
    const abs = resolveInside(dir, raw[key], `exercise.python.${key}`, problems, /\.py$/, 'a .py file');
    if (abs && !isFile(abs)) problems.push(`exercise.python.${key} ${JSON.stringify(raw[key])} does not exist`);
    else if (abs) paths[key] = abs;
  }
  const hints = loadHints(raw.hints, 'exercise.python.hints', problems);
  if (hints && hints.length !== hintCount)
    problems.push(`exercise.python.hints must have as many hints as exercise.hints (${hintCount}): the hints used are counted once per exercise`);
  if (!paths.starter || !paths.solution || !paths.checks || !hints || hints.length !== hintCount) return undefined;
  return { starter: paths.starter, solution: paths.solution, checks: paths.checks, hints };
}

export const MIN_HINTS = 2;
export const MAX_HINTS = 4;
const MAX_HINT_CHARS = 600;

/** Hints are optional in the format; when given there are 2 to 4, each a short non-empty text. */
function loadHints(raw: unknown, where: string, problems: string[]): string[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length < MIN_HINTS || raw.length > MAX_HINTS) {
    problems.push(`${where} must be an array of ${MIN_HINTS} to ${MAX_HINTS} strings, from a nudge to nearly the answer`);
    return undefined;
  }
  const bad = raw.findIndex((h) => typeof h !== 'string' || !h.trim() || h.length > MAX_HINT_CHARS);
  if (bad >= 0) {
    problems.push(`${where}[${bad}] must be a non-empty string of at most ${MAX_HINT_CHARS} characters`);
    return undefined;
  }
  return (raw as string[]).map((h) => h.trim());
}

/** Paths in metadata must stay inside the lesson folder: a lesson must not point at arbitrary files. */
function resolveInside(dir: string, rel: unknown, where: string, problems: string[], ext: RegExp, kind: string): string | undefined {
  if (typeof rel !== 'string' || !rel) {
    problems.push(`${where} must be a relative path`);
    return undefined;
  }
  if (path.isAbsolute(rel)) {
    problems.push(`${where} must be relative to the lesson folder`);
    return undefined;
  }
  const abs = path.resolve(dir, rel);
  if (!abs.startsWith(path.resolve(dir) + path.sep)) {
    problems.push(`${where} ${JSON.stringify(rel)} points outside the lesson folder`);
    return undefined;
  }
  if (!ext.test(abs)) {
    problems.push(`${where} ${JSON.stringify(rel)} must be ${kind}`);
    return undefined;
  }
  return abs;
}

function unlistedExampleFiles(dir: string, examples: LessonExample[]): string[] {
  const examplesDir = path.join(dir, 'examples');
  let names: string[];
  try {
    names = fs.readdirSync(examplesDir);
  } catch {
    return [];
  }
  const listed = new Set(examples.map((e) => path.resolve(e.file)));
  return names
    .filter((n) => EXAMPLE_FILE.test(n) && !listed.has(path.resolve(examplesDir, n)))
    .map((n) => `examples/${n}`);
}

function readSmallFile(file: string, problems: string[]): string | undefined {
  const name = path.basename(path.dirname(file)) === 'examples' ? `examples/${path.basename(file)}` : path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    problems.push(`${name} is missing`);
    return undefined;
  }
  if (!stat.isFile()) {
    problems.push(`${name} is not a file`);
    return undefined;
  }
  if (stat.size > MAX_FILE_BYTES) {
    problems.push(`${name} is ${stat.size} bytes; a lesson file may have at most ${MAX_FILE_BYTES}`);
    return undefined;
  }
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) {
    problems.push(`${name} is binary, not text`);
    return undefined;
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
