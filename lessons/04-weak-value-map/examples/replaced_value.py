# Replacing a value is safe in WeakValueDictionary: the old value's death does not remove the new
# entry. A naive hand-made version loses it as soon as the old weak reference outlives the
# replacement (here because valuerefs() handed it out before the replacement).
import gc
import weakref


class Texture:
    def __init__(self, version):
        self.version = version


class NaiveWeakValueDict:
    """A dict of weak references whose callback deletes the key, whatever the key holds by then."""

    def __init__(self):
        self._refs = {}

    def __setitem__(self, key, value):
        self._refs[key] = weakref.ref(value, lambda dead: self._refs.pop(key, None))

    def get(self, key):
        ref = self._refs.get(key)
        return ref() if ref is not None else None

    def valuerefs(self):
        return list(self._refs.values())


for cache in (NaiveWeakValueDict(), weakref.WeakValueDictionary()):
    old = Texture(1)
    cache["grass"] = old
    refs_in_use = cache.valuerefs()  # someone holds the old weak reference
    new = Texture(2)
    cache["grass"] = new  # replace while the old one is still alive

    del old
    gc.collect()  # the old texture dies; its weak reference's callback runs
    entry = cache.get("grass")
    print(f"{type(cache).__name__}: after the old value dies:", entry.version if entry is not None else None)
