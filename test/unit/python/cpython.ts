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
  const r = spawnSync('python3', ['-c', RUNNER], { input: JSON.stringify(snippets), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CpythonOutcome[];
}
