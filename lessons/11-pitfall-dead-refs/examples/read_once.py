# Call the ref once, keep the result in a local, check it, use the local.
# Checking `ref() is not None` and then calling ref() again checks one object and uses another:
# in between, a line that drops the last reference (or a collection) can free it.
import gc
import weakref


class GameObject:
    def __init__(self, name):
        self.name = name


def describe(ref):
    obj = ref()            # one call, one answer
    if obj is None:
        return "collected"
    return f"alive: {obj.name}"


treasure = GameObject("Treasure")
ref = weakref.ref(treasure)
print(describe(ref))
del treasure
gc.collect()
print(describe(ref))
