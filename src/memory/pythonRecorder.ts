// The Python side of the memory view, written to a temp file and run as
// `python3 -u recorder.py <events file> <program.py> [args...]`. It records every object that
// becomes a weak target, takes a checkpoint at every gc.collect() the program calls and one when
// the program's code has finished, and names what holds each live target by walking
// gc.get_referrers() back to a module's globals or a running frame.
//
// It must not change what the program does or how long anything lives: it holds targets only
// through plain weakref.ref (the one CPython shares with the program's own plain refs), it
// writes to its own file, never stdout, and its search leaves out its own frames and lists.
export const PYTHON_RECORDER_SOURCE = String.raw`
import json, os, sys, types

events_path = sys.argv[1]
program = os.path.abspath(sys.argv[2])
sys.argv[:] = sys.argv[2:]
sys.path[0] = os.path.dirname(program)
events = open(events_path, "a", buffering=1)

def send(**event):
    events.write(json.dumps(event) + "\n")

send(t="start", runtime="python %d.%d.%d" % sys.version_info[:3])

try:
    import gc
    gc.get_referrers
except (ImportError, AttributeError):
    gc = None
    send(t="problem", message="This Python has no gc module with get_referrers, so the memory view cannot see what holds an object. The program ran without it.")

import weakref, _weakref, _weakrefset

RECORDER = os.path.abspath(__file__)
LIBRARY = {os.path.abspath(weakref.__file__), os.path.abspath(_weakrefset.__file__), RECORDER}
records = []          # dicts: id, kind, type, file, line, and "ref", a plain weakref to the target
seen = {}             # (id(target), kind) -> record, while the target lives

def program_frames(frame):
    while frame is not None:
        if os.path.abspath(frame.f_code.co_filename) not in LIBRARY:
            yield frame
        frame = frame.f_back

def site(frame):
    for f in program_frames(frame):
        return f.f_code.co_filename, f.f_lineno
    return program, None

import sysconfig
# Python's own library (and what is installed into it) makes weak targets too: not the program's.
INTERPRETER_LIB = tuple(
    os.path.abspath(p) + os.sep
    for p in {sysconfig.get_paths().get(k) for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    if p
)

def record(target, kind, frame):
    if gc is None or os.path.abspath(frame.f_code.co_filename) in LIBRARY and kind.startswith("weakref.ref"):
        return  # weakref.py's own refs (inside WeakKeyDictionary, finalize) are not the program's
    if os.path.abspath(frame.f_code.co_filename).startswith(INTERPRETER_LIB):
        return
    try:
        ref = _weakref.ref(target)
    except TypeError:
        return
    key = (id(target), kind)
    old = seen.get(key)
    if old is not None and old["ref"]() is target:
        return
    file, line = site(frame)
    rec = {"id": len(records) + 1, "kind": kind, "type": type(target).__name__, "ref": ref}
    records.append(rec)
    seen[key] = rec
    send(t="target", id=rec["id"], kind=kind, type=rec["type"], file=file, line=line)

# --- entry points --------------------------------------------------------------------------
original_ref = _weakref.ref

class _RefType(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, original_ref)
    def __subclasscheck__(cls, sub):
        return issubclass(sub, original_ref)
    def __call__(cls, ob, *callback):
        made = original_ref(ob, *callback)
        record(ob, "weakref.ref target", sys._getframe(1))
        return made

class ref(metaclass=_RefType):
    """Makes a plain weakref.ref (the very same type and sharing) and records its target."""
    # WeakMethod and user code call ref.__new__(cls, ...) directly.
    __new__ = staticmethod(lambda cls, *args: original_ref.__new__(cls, *args))

weakref.ref = ref

original_proxy = weakref.proxy
def proxy(ob, *callback):
    made = original_proxy(ob, *callback)
    record(ob, "weakref.proxy target", sys._getframe(1))
    return made
weakref.proxy = proxy

def wrap(cls, name, kind, targets):
    original = getattr(cls, name)
    def wrapper(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        frame = sys._getframe(1)
        for target in targets(self, args, kwargs):
            record(target, kind, frame)
        return result
    wrapper.__name__ = original.__name__
    wrapper.__qualname__ = original.__qualname__
    wrapper.__doc__ = original.__doc__
    setattr(cls, name, wrapper)

def first_arg(self, args, kwargs):
    return args[:1]
def method_self(self, args, kwargs):
    return [args[0].__self__] if args and hasattr(args[0], "__self__") else []
def mapping_items(args, kwargs):
    items = []
    if args:
        other = args[0]
        items = list(other.items()) if hasattr(other, "items") else list(other)
    return items + list(kwargs.items())

original_weak_method_new = weakref.WeakMethod.__new__
def weak_method_new(cls, meth, *callback):
    made = original_weak_method_new(cls, meth, *callback)
    record(meth.__self__, "WeakMethod target", sys._getframe(1))
    return made
weakref.WeakMethod.__new__ = staticmethod(weak_method_new)

wrap(weakref.finalize, "__init__", "finalize target", first_arg)
wrap(weakref.WeakKeyDictionary, "__setitem__", "WeakKeyDictionary key", first_arg)
wrap(weakref.WeakKeyDictionary, "setdefault", "WeakKeyDictionary key", first_arg)
wrap(weakref.WeakKeyDictionary, "update", "WeakKeyDictionary key", lambda s, a, k: [key for key, _ in mapping_items(a, k)])
wrap(weakref.WeakValueDictionary, "__setitem__", "WeakValueDictionary value", lambda s, a, k: a[1:2])
wrap(weakref.WeakValueDictionary, "setdefault", "WeakValueDictionary value", lambda s, a, k: a[1:2])
wrap(weakref.WeakValueDictionary, "update", "WeakValueDictionary value", lambda s, a, k: [v for _, v in mapping_items(a, k)])
wrap(_weakrefset.WeakSet, "add", "WeakSet member", first_arg)

# --- why is it alive? ------------------------------------------------------------------------
MAX_NODES = 20000

def module_of_globals(d):
    for name, module in list(sys.modules.items()):
        if getattr(module, "__dict__", None) is d:
            return name
    return None

def holder_of_dict(d, candidates):
    for owner in candidates:
        try:
            if not isinstance(owner, type) and object.__getattribute__(owner, "__dict__") is d:
                return owner
        except (AttributeError, TypeError):
            pass
    return None

class LocalRoot:
    """A local variable of a running function: CPython does not report running frames as referrers."""
    def __init__(self, frame, name):
        self.frame, self.name = frame, name

def running_locals(frame, own):
    """id(value) -> LocalRoot for the locals of the program's running functions, innermost first.
    On CPython before 3.13 a function's f_locals is a snapshot dict kept on the frame: it is
    cleared when the checkpoint ends, so it keeps nothing alive."""
    index, snapshots = {}, []
    for f in program_frames(frame):
        if not f.f_code.co_flags & 0x1:  # CO_OPTIMIZED: a function (module and class bodies are dicts)
            continue
        mapping = f.f_locals
        if isinstance(mapping, dict):
            snapshots.append(mapping)
            own[id(mapping)] = mapping
        for name, value in list(mapping.items()):
            index.setdefault(id(value), LocalRoot(f, name))
    own[id(index)] = index
    return index, snapshots

def chain_to(target, own, locals_index):
    """Breadth-first from the target through gc.get_referrers to the nearest root: a module's
    globals or a running frame of the program. own: this checkpoint's own objects by id, kept until it ends so no id is reused."""
    parent = {id(target): None}
    objects = {id(target): target}
    own.update({id(parent): parent, id(objects): objects})
    queue = [target]
    own[id(queue)] = queue
    found = None
    while queue and found is None and len(objects) < MAX_NODES:
        nxt = []
        own[id(nxt)] = nxt
        for obj in queue:
            local = locals_index.get(id(obj))
            if local is not None:
                objects[id(local)] = local
                parent[id(local)] = id(obj)
                found = local
                break
            referrers = gc.get_referrers(obj)
            own[id(referrers)] = referrers
            for r in referrers:
                rid = id(r)
                if rid in own or rid in objects:
                    continue
                if isinstance(r, types.FrameType):
                    if os.path.abspath(r.f_code.co_filename) in LIBRARY:
                        continue
                    objects[rid] = r
                    parent[rid] = id(obj)
                    found = r
                    break
                if isinstance(r, dict) and module_of_globals(r) is not None:
                    objects[rid] = r
                    parent[rid] = id(obj)
                    found = r
                    break
                objects[rid] = r
                parent[rid] = id(obj)
                nxt.append(r)
            if found is not None:
                break
        queue = nxt
    if found is None:
        return None
    path = []
    node = id(found)
    while node is not None:
        path.append(objects[node])
        node = parent[node]
    return path  # root first, target last

def name_path(path):
    steps = []
    i = 0
    while i < len(path) - 1:
        p, c = path[i], path[i + 1]
        nxt = path[i + 2] if i + 2 < len(path) else None
        if isinstance(p, LocalRoot):
            steps.append({"label": "%s (in %s())" % (p.name, p.frame.f_code.co_name), "kind": "variable"})
        elif isinstance(p, types.FrameType):
            name = next((k for k, v in p.f_locals.items() if v is c), None)
            if name is None and isinstance(c, dict) and nxt is not None:
                name = next((k for k, v in c.items() if v is nxt), None)
                i += 1
            where = p.f_code.co_name
            label = name if where == "<module>" else "%s (in %s())" % (name, where)
            steps.append({"label": label or "a local of %s()" % where, "kind": "variable"})
        elif isinstance(p, dict) and module_of_globals(p) is not None and i == 0:
            mod = module_of_globals(p)
            name = next((k for k, v in p.items() if v is c), "?")
            if mod == "weakref" and name == "finalize":
                # weakref.finalize keeps every live finalizer in a class-level registry.
                steps.append({"label": "weakref.finalize registry", "kind": "finalizer"})
                while i + 1 < len(path) - 1 and type(path[i + 1]).__name__ != "_Info":
                    i += 1
                if i + 1 < len(path) - 1:
                    info, held = path[i + 1], path[i + 2]
                    field = next((f for f in ("func", "args", "kwargs") if getattr(info, f, None) is held), "func")
                    steps.append({"label": "its " + ("callback" if field == "func" else field), "kind": "finalizer"})
                    i += 1
            else:
                steps.append({"label": name if mod == "__main__" else "%s.%s" % (mod, name), "kind": "variable"})
        elif isinstance(p, dict):
            owner = holder_of_dict(p, [path[i - 1]] if i > 0 else [])
            if owner is not None:
                pass  # named by the owner step before it
            else:
                key = next((k for k, v in p.items() if v is c), None)
                if isinstance(key, original_ref):
                    referent = key()
                    steps.append({"label": "value for the key %s" % type(referent).__name__, "kind": "dict value"})
                    del referent
                elif key is not None or any(v is c for v in p.values()):
                    steps.append({"label": "[%r]" % (key,), "kind": "dict value"})
                else:
                    steps.append({"label": "key %r" % (c,) if isinstance(c, (str, int)) else "a key", "kind": "dict key"})
        elif isinstance(p, (list, tuple)):
            if isinstance(p, tuple) and i > 0 and isinstance(path[i - 1], types.FunctionType) and path[i - 1].__closure__ is p:
                i += 1  # function -> __closure__ -> cell: named at the cell
                continue
            index = next((n for n, v in enumerate(p) if v is c), "?")
            steps.append({"label": "[%s]" % index, "kind": "element"})
        elif isinstance(p, (set, frozenset)):
            steps.append({"label": "set member", "kind": "element"})
        elif isinstance(p, types.MethodType):
            steps.append({"label": "__self__ of the bound method %s" % p.__func__.__qualname__, "kind": "bound method"})
        elif isinstance(p, types.CellType):
            fn = path[i - 2] if i >= 2 and isinstance(path[i - 2], types.FunctionType) else None
            name = "a captured variable"
            if fn is not None and fn.__closure__:
                index = next((n for n, cell in enumerate(fn.__closure__) if cell is p), None)
                if index is not None:
                    name = "%s (captured by %s)" % (fn.__code__.co_freevars[index], fn.__qualname__)
            steps.append({"label": name, "kind": "captured variable"})
        elif isinstance(p, types.FunctionType):
            pass  # its __closure__ or defaults: named at the next step
        else:
            attrs = None
            try:
                attrs = object.__getattribute__(p, "__dict__")
            except (AttributeError, TypeError):
                pass
            name = None
            if attrs is not None:
                if attrs is c and nxt is not None:
                    name = next((k for k, v in attrs.items() if v is nxt), None)
                    i += 1
                else:
                    name = next((k for k, v in attrs.items() if v is c), None)
            if name is None:
                for slot in getattr(type(p), "__slots__", ()) or ():
                    if getattr(p, slot, None) is c:
                        name = slot
            if name == "data" and isinstance(p, (weakref.WeakKeyDictionary, weakref.WeakValueDictionary)):
                pass  # the weak dictionary's own storage: its entry is named next
            else:
                steps.append({"label": name or "a reference from %s" % type(p).__name__, "kind": "attribute"})
        i += 1
    return steps

checkpoints = [0]
def checkpoint(label, frame):
    file, line = site(frame)
    alive, chains = [], {}
    own = {id(alive): alive, id(chains): chains}
    locals_index, snapshots = running_locals(frame, own)
    for rec in records:
        target = rec["ref"]()
        if target is None:
            continue
        alive.append(rec["id"])
        path = chain_to(target, own, locals_index)
        if path is not None:
            chains[str(rec["id"])] = name_path(path)
        del target, path
    for snapshot in snapshots:
        snapshot.clear()
    del locals_index, snapshots
    own.clear()
    send(t="checkpoint", label=label, line=line if label != "end" else None, alive=alive, chains=chains)

if gc is not None:
    original_collect = gc.collect
    def collect(*args, **kwargs):
        result = original_collect(*args, **kwargs)
        checkpoints[0] += 1
        checkpoint("gc.collect() #%d" % checkpoints[0], sys._getframe(1))
        return result
    collect.__doc__ = original_collect.__doc__
    gc.collect = collect

# --- run the program as __main__ -----------------------------------------------------------------
import builtins, traceback
main = types.ModuleType("__main__")
main.__file__ = program
main.__builtins__ = builtins
main.__cached__ = None
sys.modules["__main__"] = main
with open(program, "rb") as source_file:
    source = source_file.read()
try:
    code = compile(source, program, "exec")
except SyntaxError:
    traceback.print_exc(limit=0)
    send(t="problem", message="The program has a syntax error; it did not run.")
    sys.exit(1)
del source
status = 0
try:
    exec(code, main.__dict__)
except SystemExit as e:
    status = e.code
except BaseException as e:
    tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
    traceback.print_exception(type(e), e, tb)
    send(t="problem", message="The program stopped with %s: %s" % (type(e).__name__, e))
    status = 1
del code
if gc is not None:
    sys.stdout.flush()
    original_collect()
    checkpoint("end", sys._getframe())
sys.exit(status)
`;
