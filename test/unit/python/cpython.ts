// Runs Python snippets in ONE python3 process and reports, for each, whether the final weak
// API call raised "cannot create weak reference" and whether the reference was dead at once.
import { spawnSync } from 'node:child_process';

export interface CpythonOutcome {
  /** The weak call raised TypeError about weak references. */
  refused: boolean;
  /** `_r() is None` right after the call (and a gc.collect()). null: not a ref, or it raised. */
  deadAtOnce: boolean | null;
  /** Any other exception, as text (the snippet itself is broken). */
  error: string | null;
}

const RUNNER = String.raw`
import gc, json, sys, weakref
snippets = json.load(sys.stdin)
out = []
for src in snippets:
    ns = {"weakref": weakref, "__name__": "snippet"}
    res = {"refused": False, "deadAtOnce": None, "error": None}
    try:
        exec(compile(src, "<snippet>", "exec"), ns)
        r = ns.get("_r")
        if isinstance(r, weakref.ref):
            gc.collect()
            res["deadAtOnce"] = r() is None
    except TypeError as e:
        if "weak reference" in str(e) or "weakly" in str(e):
            res["refused"] = True
        elif str(e).startswith("unhashable type"):
            pass  # weakly referenceable, but a WeakSet element or key must also hash
        else:
            res["error"] = "TypeError: " + str(e)
    except Exception as e:
        res["error"] = type(e).__name__ + ": " + str(e)
    out.append(res)
json.dump(out, sys.stdout)
`;

export function python3Available(): boolean {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

export function runInCpython(snippets: string[]): CpythonOutcome[] {
  const r = spawnSync('python3', ['-c', RUNNER], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CpythonOutcome[];
}

const PROGRAM_RUNNER = String.raw`
import contextlib, io, json, sys, traceback
programs = json.load(sys.stdin)
out = []
for src in programs:
    buf = io.StringIO()
    err = None
    ns = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "<block>", "exec"), ns)
    except BaseException as e:
        err = type(e).__name__ + ": " + str(e)
    out.append({"stdout": buf.getvalue(), "error": err})
# Finalizers (__del__) may print after the last program: the result follows a marker, and the
# process exits without running them.
sys.stdout.write("\n@@RESULT@@" + json.dumps(out))
sys.stdout.flush()
import os
os._exit(0)
`;

export interface ProgramOutcome {
  stdout: string;
  /** The uncaught exception, as "TypeError: message", or null. */
  error: string | null;
}

/** Runs whole programs, each in a fresh namespace, in ONE python3 process started in `cwd`. */
export function runProgramsInCpython(programs: string[], cwd: string): ProgramOutcome[] {
  const r = spawnSync('python3', ['-c', PROGRAM_RUNNER], {
    input: JSON.stringify(programs),
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('@@RESULT@@') + '@@RESULT@@'.length)) as ProgramOutcome[];
}
