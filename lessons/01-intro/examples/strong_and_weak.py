# A dict keeps its keys alive; a WeakKeyDictionary does not.
import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name


strong = {}
weak = weakref.WeakKeyDictionary()

kept = Thing("in the dict")
let_go = Thing("in the WeakKeyDictionary")
strong[kept] = "metadata"
weak[let_go] = "metadata"

# Spectators: they let us look without keeping anything alive.
spy_kept = weakref.ref(kept)
spy_let_go = weakref.ref(let_go)

del kept, let_go  # drop every other reference
gc.collect()      # not needed in CPython (reference counting), but harmless

print("dict entries:", len(strong))
print("WeakKeyDictionary entries:", len(weak))
print("object in the dict alive:", spy_kept() is not None)
print("object in the WeakKeyDictionary alive:", spy_let_go() is not None)
