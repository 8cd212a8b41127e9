# weakref.ref(obj) gives the object back while it lives and None afterwards.
import gc
import weakref


class GameObject:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"{self.name}: __del__")


player = GameObject("Hero")
ref = weakref.ref(player)

target = ref()  # read once, then check what was read
if target is not None:
    print("through the ref:", target.name)
del target      # the local was a strong reference too

del player      # CPython frees it right here: __del__ prints now
gc.collect()    # what another Python would need before ref() answers None
print("after del:", ref())
