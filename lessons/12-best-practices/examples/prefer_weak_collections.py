# Prefer the collection that does the bookkeeping: a WeakSet of the objects seen needs no
# callbacks, no pruning and no checks of dead refs.
import gc
import weakref


class Request:
    def __init__(self, path):
        self.path = path


seen = weakref.WeakSet()
a = Request("/a")
b = Request("/b")
seen.add(a)
seen.add(b)
print("seen /a:", a in seen, "| size:", len(seen))
del b
gc.collect()
print("after /b is done, size:", len(seen))
