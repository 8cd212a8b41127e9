// The Python side of the Python exercise checker, written to a temp file and run as
// `python3 -u harness.py <report fd> <checks.py> <learner.py>`. It reports over its own file
// descriptor, never stdout, each line starting with a random marker that it reads from a file and
// deletes before any learner code runs (the same protocol as the JavaScript harness, in
// checkProtocol.ts). Everything it needs after the learner's file has loaded is captured first, in
// local names of one function that deletes itself: nothing of it is reachable as a global of
// __main__. After the last message it waits to be killed (os._exit if no one does), so exit hooks
// and threads of the learner's code never run after the report.
import { MARKER_FILE_ENV, MAX_MESSAGE_CHARS } from './checkProtocol';

export const PYTHON_HARNESS_SOURCE = String.raw`
def _harness():
    del globals()["_harness"]
    import gc, importlib.util, os, sys, time, traceback

    write, exit_now, sleep, collect, dup, close = os.write, os._exit, time.sleep, gc.collect, os.dup, os.close
    spec_from_file, module_from_spec = importlib.util.spec_from_file_location, importlib.util.module_from_spec
    exact_str, text_slice, ord_, type_, len_, slice_ = str, str.__getitem__, ord, type, len, slice
    Assertion, Base, Blocked = AssertionError, BaseException, BlockingIOError

    marker = b""
    try:
        marker_file = os.environ.pop("${MARKER_FILE_ENV}")
        with open(marker_file, "rb") as f:
            marker = f.read()
        os.unlink(marker_file)
    except Exception:
        pass
    report_fd = dup(int(sys.argv[1]))  # off its well-known number; not inherited by children
    close(int(sys.argv[1]))
    checks_file, learner_file = sys.argv[2], sys.argv[3]
    del sys.argv[1:]

    def text(value, limit=${MAX_MESSAGE_CHARS}):
        # An exact str, cut: a str subclass from the learner's code cannot run code later.
        try:
            s = value if type_(value) is exact_str else exact_str(value)
            return text_slice(s, slice_(0, limit))
        except Base:
            return "a value that could not be described"

    def encode(value):
        # JSON by hand, ASCII only: json.dumps looks up module globals the learner could replace.
        t = type_(value)
        if t is bool:
            return "true" if value else "false"
        if t is int:
            return "%d" % value
        if t is list:
            return "[" + ",".join([encode(v) for v in value]) + "]"
        if t is dict:
            return "{" + ",".join([encode(k) + ":" + encode(v) for k, v in value.items()]) + "}"
        out = ['"']
        for ch in value:
            c = ord_(ch)
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif 0x20 <= c < 0x7F:
                out.append(ch)
            elif c < 0x10000:
                out.append("\\u%04x" % c)
            else:
                c -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)))
        out.append('"')
        return "".join(out)

    def send(message):
        data = b"\n" + marker + b" " + encode(message).encode("ascii") + b"\n"
        while data:
            try:
                data = data[write(report_fd, data):]
            except Blocked:
                pass
            except OSError:
                return  # the checker is gone: nothing to tell

    def end(message, code):
        send(message)
        sleep(5)  # the checker kills this process now; if it does not, leave without exit hooks
        exit_now(code)

    def load_file(path, name):
        spec = spec_from_file(name, path)
        module = module_from_spec(spec)
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
                collect()

    def describe(e, assertion):
        try:
            if assertion:
                return text(e) or "failed"
            return text("%s: %s" % (text(type_(e).__name__, 200), text(e)))
        except Base:
            return "an error that could not be described"

    try:
        # A copy, taken before the learner's file loads: it cannot swap a check's run function.
        checks = [(text(c["id"], 200), text(c["requirement"]), c["run"]) for c in load_file(checks_file, "exercise_checks").CHECKS]
    except Base:
        end({"t": "fatal", "error": text("The checks could not be loaded: " + traceback.format_exc(limit=3))}, 2)
    send({"t": "checks", "checks": [{"id": i, "requirement": r} for i, r, _ in checks]})

    sys.path.insert(0, os.path.dirname(os.path.abspath(learner_file)))
    i, count = 0, len_(checks)
    while i < count:
        run = checks[i][2]
        send({"t": "start", "i": i})
        try:
            run(load, Tools)
            result = {"t": "result", "i": i, "passed": True}
        except Assertion as e:
            result = {"t": "result", "i": i, "passed": False, "message": describe(e, True)}
        except Base as e:
            result = {"t": "result", "i": i, "passed": False, "message": describe(e, False)}
        send(result)
        collect()
        i += 1
    end({"t": "done"}, 0)

_harness()
`;
