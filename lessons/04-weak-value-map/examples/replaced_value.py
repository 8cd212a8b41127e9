# Replacing a value is safe: the old value's death does not remove the new entry.
# (A hand-made Map-of-WeakRefs in JavaScript has to check this itself.)
import gc
import weakref


class Texture:
    def __init__(self, version):
        self.version = version


cache = weakref.WeakValueDictionary()
old = Texture(1)
cache["grass"] = old
new = Texture(2)
cache["grass"] = new  # replace while the old one is still alive

del old
gc.collect()
entry = cache.get("grass")
print("after the old value dies:", entry.version if entry is not None else None)
