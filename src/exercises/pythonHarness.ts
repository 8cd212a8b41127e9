// The Python side of the Python exercise checker, written to a temp file and run as
// `python3 -u harness.py <report fd> <checks.py> <learner.py>`. It reports over its own file
// descriptor, never stdout, so nothing the learner's code prints can pass for a result; and it
// moves that descriptor off its well-known number before any learner code runs.
export const PYTHON_HARNESS_SOURCE = String.raw`
import gc, importlib.util, json, os, sys, traceback

report_fd = os.dup(int(sys.argv[1]))
os.close(int(sys.argv[1]))
report = os.fdopen(report_fd, "w", buffering=1)
checks_file, learner_file = sys.argv[2], sys.argv[3]
del sys.argv[1:]

def send(**message):
    report.write(json.dumps(message) + "\n")
    report.flush()

def load_file(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

loads = [0]
def load():
    loads[0] += 1
    return load_file(learner_file, "learner_solution_%d" % loads[0])

class Tools:
    @staticmethod
    def collect():
        for _ in range(3):
            gc.collect()

try:
    checks = load_file(checks_file, "exercise_checks").CHECKS
    send(t="checks", checks=[{"id": c["id"], "requirement": c["requirement"]} for c in checks])
except BaseException:
    send(t="fatal", error="The checks could not be loaded: " + traceback.format_exc(limit=3))
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(learner_file)))
for i, check in enumerate(checks):
    send(t="start", i=i)
    try:
        check["run"](load, Tools)
        send(t="result", i=i, passed=True)
    except AssertionError as e:
        send(t="result", i=i, passed=False, message=str(e) or "failed")
    except BaseException as e:
        send(t="result", i=i, passed=False, message="%s: %s" % (type(e).__name__, e))
    gc.collect()
send(t="done")
`;
