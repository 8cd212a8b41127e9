import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, normalizeOutput, exampleMarkers } from '../../src/lessons/catalog';

type Files = Record<string, string | Buffer>;

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function makeLessons(lessons: Record<string, Files>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-test-'));
  made.push(root);
  for (const [folder, files] of Object.entries(lessons)) {
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(root, folder, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  return root;
}

function goodLesson(id: string, order: number, extra: Record<string, unknown> = {}): Files {
  return {
    'lesson.json': JSON.stringify({
      id,
      title: `Lesson ${id}`,
      order,
      summary: 'A summary.',
      topics: ['intro'],
      examples: [{ id: 'hello', title: 'Hello', file: 'examples/hello.js' }],
      ...extra,
    }),
    'lesson.md': 'Text.\n\n<!-- example: hello -->\n',
    'examples/hello.js': 'console.log("hi")\n',
    'examples/hello.out': 'hi  \n\n',
  };
}

describe('lesson catalogue', () => {
  it('loads well-formed lessons in order with typed examples', () => {
    const dir = makeLessons({
      '02-b': goodLesson('b', 2),
      '01-a': goodLesson('a', 1, { topics: ['intro', 'simple-example'] }),
    });
    const { lessons, errors } = loadCatalog(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      lessons.map((l) => l.id),
      ['a', 'b'],
    );
    const [a] = lessons;
    assert.equal(a.title, 'Lesson a');
    assert.deepEqual(a.topics, ['intro', 'simple-example']);
    assert.equal(a.examples.length, 1);
    assert.equal(a.examples[0].file, path.join(dir, '01-a', 'examples', 'hello.js'));
    assert.equal(a.examples[0].relativeFile, 'examples/hello.js');
    assert.equal(a.examples[0].expectedOutput, 'hi');
    assert.equal(a.examples[0].gcDependent, false);
    assert.equal(a.examples[0].expectFailure, undefined);
  });

  it('turns each malformed lesson into an error entry and still loads the others', () => {
    const dir = makeLessons({
      '01-good': goodLesson('good', 1),
      '02-badjson': { ...goodLesson('x', 2), 'lesson.json': '{ "id": "x", ' },
      '03-nomd': (() => {
        const f = goodLesson('nomd', 3);
        delete f['lesson.md'];
        return f;
      })(),
      '04-fields': {
        ...goodLesson('y', 4),
        'lesson.json': JSON.stringify({ id: 'Bad Id', title: '', order: 1.5, topics: ['nope'], examples: {} }),
      },
    });
    const { lessons, errors } = loadCatalog(dir);
    assert.deepEqual(
      lessons.map((l) => l.id),
      ['good'],
    );
    const byFolder = Object.fromEntries(errors.map((e) => [e.folder, e.problems.join(' | ')]));
    assert.match(byFolder['02-badjson'], /lesson\.json is not valid JSON/);
    assert.match(byFolder['03-nomd'], /lesson\.md is missing/);
    assert.match(byFolder['04-fields'], /"id" must be lowercase/);
    assert.match(byFolder['04-fields'], /"title" must be a non-empty string/);
    assert.match(byFolder['04-fields'], /"order" must be an integer/);
    assert.match(byFolder['04-fields'], /unknown topic "nope"/);
    assert.match(byFolder['04-fields'], /"examples" must be an array/);
  });

  it('reports a missing example file and a missing expected output', () => {
    const noJs = goodLesson('nojs', 1);
    delete noJs['examples/hello.js'];
    const noOut = goodLesson('noout', 2);
    delete noOut['examples/hello.out'];
    const { lessons, errors } = loadCatalog(makeLessons({ '01': noJs, '02': noOut }));
    assert.equal(lessons.length, 0);
    assert.match(errors[0].problems.join(), /examples\[0\]\.file "examples\/hello\.js" does not exist/);
    assert.match(errors[1].problems.join(), /examples\/hello\.out is missing/);
  });

  it('refuses example paths that leave the lesson folder or are not .js', () => {
    const dir = makeLessons({
      '01': goodLesson('up', 1, { examples: [{ id: 'hello', file: '../../etc/passwd.js' }] }),
      '02': goodLesson('abs', 2, { examples: [{ id: 'hello', file: '/etc/hosts' }] }),
      '03': goodLesson('ext', 3, { examples: [{ id: 'hello', file: 'examples/hello.out' }] }),
    });
    const problems = loadCatalog(dir).errors.map((e) => e.problems.join());
    assert.match(problems[0], /points outside the lesson folder/);
    assert.match(problems[1], /must be relative to the lesson folder/);
    assert.match(problems[2], /must be a \.js or \.py file/);
  });

  it('checks that every example is placed exactly once in the text and every example file is listed', () => {
    const dir = makeLessons({
      '01': { ...goodLesson('twice', 1), 'lesson.md': '<!-- example: hello -->\n<!--example:hello-->' },
      '02': { ...goodLesson('ghost', 2), 'lesson.md': '<!-- example: hello -->\n<!-- example: ghost -->' },
      '03': { ...goodLesson('orphan', 3), 'examples/extra.js': '1' },
    });
    const problems = loadCatalog(dir).errors.map((e) => e.problems.join());
    assert.match(problems[0], /place example "hello" exactly once .* \(found 2\)/);
    assert.match(problems[1], /places an unknown example "ghost"/);
    assert.match(problems[2], /examples\/extra\.js is not listed/);
  });

  it('validates expectFailure, gcDependent and chart', () => {
    const dir = makeLessons({
      '01': goodLesson('ok', 1, {
        examples: [
          {
            id: 'hello',
            file: 'examples/hello.js',
            gcDependent: true,
            chart: true,
            expectFailure: { errorType: 'TypeError', messageIncludes: 'bad' },
          },
        ],
      }),
      '02': goodLesson('bad', 2, {
        examples: [
          { id: 'hello', file: 'examples/hello.js', gcDependent: 'yes', expectFailure: { errorType: 'TypeError' } },
        ],
      }),
    });
    const { lessons, errors } = loadCatalog(dir);
    assert.deepEqual(lessons[0].examples[0].expectFailure, { errorType: 'TypeError', messageIncludes: 'bad' });
    assert.equal(lessons[0].examples[0].gcDependent, true);
    assert.equal(lessons[0].examples[0].chart, true);
    assert.match(errors[0].problems.join(), /gcDependent must be true or false/);
    assert.match(errors[0].problems.join(), /expectFailure must be/);
  });

  it('rejects duplicate ids and orders across lessons, keeping the first', () => {
    const dir = makeLessons({ '01': goodLesson('same', 1), '02': goodLesson('same', 2), '03': goodLesson('other', 1) });
    const { lessons, errors } = loadCatalog(dir);
    assert.deepEqual(
      lessons.map((l) => l.id),
      ['same'],
    );
    assert.match(errors.find((e) => e.folder === '02')!.problems.join(), /id "same" is already used by 01/);
    assert.match(errors.find((e) => e.folder === '03')!.problems.join(), /order 1 is already used by 01/);
  });

  it('refuses binary and oversized lesson files with a clear message', () => {
    const dir = makeLessons({
      '01': { ...goodLesson('bin', 1), 'lesson.md': Buffer.from([0x23, 0x00, 0x01]) },
      '02': { ...goodLesson('big', 2), 'lesson.md': 'x'.repeat(600 * 1024) },
    });
    const problems = loadCatalog(dir).errors.map((e) => e.problems.join());
    assert.match(problems[0], /lesson\.md is binary/);
    assert.match(problems[1], /lesson\.md is \d+ bytes; a lesson file may have at most/);
  });

  it('validates exercises', () => {
    const ok = {
      ...goodLesson('ex', 1, {
        exercise: { starter: 'exercise/starter.js', solution: 'exercise/solution.js', checks: 'exercise/checks.js' },
      }),
      'exercise/starter.js': '',
      'exercise/solution.js': '',
      'exercise/checks.js': '',
    };
    const missing = goodLesson('ex2', 2, {
      exercise: { starter: 'exercise/starter.js', solution: 'exercise/solution.js' },
    });
    const { lessons, errors } = loadCatalog(makeLessons({ '01': ok, '02': missing }));
    assert.equal(lessons[0].exercise?.checks.endsWith(path.join('exercise', 'checks.js')), true);
    assert.match(errors[0].problems.join(), /exercise\.starter "exercise\/starter\.js" does not exist/);
    assert.match(errors[0].problems.join(), /exercise\.checks must be a relative path/);
  });

  it('reads 2 to 4 hints per exercise and reports any other number or a blank hint', () => {
    const files = { 'exercise/starter.js': '', 'exercise/solution.js': '', 'exercise/checks.js': '' };
    const ex = (id: string, order: number, hints: unknown) => ({
      ...goodLesson(id, order, {
        exercise: {
          starter: 'exercise/starter.js',
          solution: 'exercise/solution.js',
          checks: 'exercise/checks.js',
          hints,
        },
      }),
      ...files,
    });
    const { lessons, errors } = loadCatalog(
      makeLessons({
        '01': ex('two', 1, ['Nudge.', ' Nearly the answer. ']),
        '02': ex('one', 2, ['Only one.']),
        '03': ex('five', 3, ['a', 'b', 'c', 'd', 'e']),
        '04': ex('blank', 4, ['a', '  ']),
        '05': ex('notlist', 5, 'a hint'),
      }),
    );
    assert.deepEqual(
      lessons.map((l) => [l.id, l.exercise?.hints]),
      [['two', ['Nudge.', 'Nearly the answer.']]],
    );
    assert.deepEqual(
      errors.map((e) => e.folder),
      ['02', '03', '04', '05'],
    );
    assert.match(errors[0].problems.join(), /exercise\.hints must be an array of 2 to 4 strings/);
    assert.match(errors[1].problems.join(), /exercise\.hints must be an array of 2 to 4 strings/);
    assert.match(errors[2].problems.join(), /exercise\.hints\[1\] must be a non-empty string/);
    assert.match(errors[3].problems.join(), /exercise\.hints must be an array/);
  });

  it('gives every shipped exercise 2 to 4 hints', () => {
    const { lessons, errors } = loadCatalog(path.resolve(__dirname, '..', '..', '..', 'lessons'));
    assert.deepEqual(
      errors.map((e) => `${e.folder}: ${e.problems.join('; ')}`),
      [],
    );
    const exercises = lessons.filter((l) => l.exercise);
    assert.ok(exercises.length >= 2, 'the course has at least two exercises');
    for (const l of exercises)
      assert.ok(
        l.exercise!.hints.length >= 2 && l.exercise!.hints.length <= 4,
        `${l.id} has ${l.exercise!.hints.length} hints`,
      );
  });

  it('reports an unreadable lessons folder instead of throwing', () => {
    const { lessons, errors } = loadCatalog(path.join(os.tmpdir(), 'no-such-folder-' + process.pid));
    assert.equal(lessons.length, 0);
    assert.match(errors[0].problems[0], /cannot read the lessons folder/);
  });

  it('normalizes output and finds example markers the way the page does: alone on a line, not in code', () => {
    assert.equal(normalizeOutput('a  \r\nb\t\n\n\n'), 'a\nb');
    assert.deepEqual(
      exampleMarkers(
        'x <!-- example: one --> y\n\n<!--example:two-->\n\n```md\n<!-- example: three -->\n```\n\n    <!-- example: four -->\n',
      ),
      ['two'],
    );
  });

  it('refuses a lesson whose only marker the page would not render (inline, or in a code block)', () => {
    const dir = makeLessons({
      '01': { ...goodLesson('inline', 1), 'lesson.md': 'See <!-- example: hello --> here.\n' },
      '02': { ...goodLesson('fenced', 2), 'lesson.md': '```\n<!-- example: hello -->\n```\n' },
    });
    const problems = loadCatalog(dir).errors.map((e) => e.problems.join());
    assert.match(problems[0], /place example "hello" exactly once .* \(found 0\)/);
    assert.match(problems[1], /place example "hello" exactly once .* \(found 0\)/);
  });

  it('loads Python examples with their language, and checks them like JavaScript ones', () => {
    const py: Files = {
      ...goodLesson('py', 1, {
        examples: [
          { id: 'hello', file: 'examples/hello.js' },
          { id: 'hello-py', file: 'examples/hello_py.py', gcDependent: true },
        ],
      }),
      'lesson.md':
        '<!-- example: hello -->\n\n<!-- language: python -->\nA note.\n\n<!-- example: hello-py -->\n<!-- end language -->\n',
      'examples/hello_py.py': 'print("hi")\n',
      'examples/hello_py.out': 'hi\n',
    };
    const noOut = {
      ...py,
      'lesson.json': JSON.stringify({ ...JSON.parse(String(py['lesson.json'])), id: 'noout', order: 2 }),
    } as Files;
    const noOutDir = makeLessons({ '02': noOut });
    fs.rmSync(path.join(noOutDir, '02', 'examples', 'hello_py.out'));
    const unlisted = { ...goodLesson('unlisted', 3), 'examples/stray.py': 'print(1)\n' };
    const { lessons, errors } = loadCatalog(makeLessons({ '01': py, '03': unlisted }));
    assert.deepEqual(
      lessons[0].examples.map((e) => [e.id, e.language, e.gcDependent]),
      [
        ['hello', 'javascript', false],
        ['hello-py', 'python', true],
      ],
    );
    assert.match(errors[0].problems.join(), /examples\/stray\.py is not listed/);
    assert.match(loadCatalog(noOutDir).errors[0].problems.join(), /examples\/hello_py\.out is missing/);
  });

  it('refuses a Python example that charts, and files that are neither .js nor .py', () => {
    const dir = makeLessons({
      '01': {
        ...goodLesson('pychart', 1, { examples: [{ id: 'hello', file: 'examples/hello.py', chart: true }] }),
        'examples/hello.py': 'print("hi")\n',
      },
      '02': {
        ...goodLesson('rb', 2, { examples: [{ id: 'hello', file: 'examples/hello.rb' }] }),
        'examples/hello.rb': 'puts 1\n',
      },
    });
    const problems = loadCatalog(dir).errors.map((e) => e.problems.join());
    assert.match(problems[0], /only JavaScript examples can chart/);
    assert.match(problems[1], /must be a \.js or \.py file/);
  });

  it('refuses two examples that would share one .out file', () => {
    const dir = makeLessons({
      '01': {
        ...goodLesson('share', 1, {
          examples: [
            { id: 'hello', file: 'examples/hello.js' },
            { id: 'hello-py', file: 'examples/hello.py' },
          ],
        }),
        'examples/hello.py': 'print("hi")\n',
        'lesson.md': '<!-- example: hello -->\n<!-- example: hello-py -->\n',
      },
    });
    assert.match(loadCatalog(dir).errors[0].problems.join(), /would share its \.out file with example "hello"/);
  });

  it('checks language blocks: known language, balanced, not nested, not in a list, and examples in their own language', () => {
    const md = (text: string) => ({ ...goodLesson('x', 1), 'lesson.md': `<!-- example: hello -->\n\n${text}` });
    const dir = makeLessons({
      '01': md('<!-- language: ruby -->\nx\n<!-- end language -->\n'),
      '02': md('<!-- language: python -->\nx\n'),
      '03': md('<!-- end language -->\n'),
      '04': md('<!-- language: python -->\n<!-- language: javascript -->\n<!-- end language -->\n'),
      '05': md('- item\n  <!-- language: python -->\n- item\n  <!-- end language -->\n'),
      '06': {
        ...goodLesson('x', 6),
        'lesson.md': '<!-- language: python -->\n<!-- example: hello -->\n<!-- end language -->\n',
      },
      '07': {
        ...goodLesson('ok', 7),
        'lesson.md':
          '<!-- language: javascript -->\n<!-- example: hello -->\n<!-- end language -->\n\n```\n<!-- language: nonsense -->\n```\n',
      },
    });
    const { lessons, errors } = loadCatalog(dir);
    const by = Object.fromEntries(errors.map((e) => [e.folder, e.problems.join(' | ')]));
    assert.match(by['01'], /unknown language "ruby"/);
    assert.match(by['02'], /is never closed/);
    assert.match(by['03'], /without an open/);
    assert.match(by['04'], /inside the block opened on line/);
    assert.match(by['05'], /must not be inside a list or quote/);
    assert.match(by['06'], /javascript example "hello" is inside a <!-- language: python --> block/);
    assert.deepEqual(
      lessons.map((l) => l.id),
      ['ok'],
    );
  });
});
