# Calling the ref and using the result without a check works until the object goes;
# then ref() is None, and None has no attributes.
import gc
import weakref


class GameObject:
    def __init__(self, name):
        self.name = name


treasure = GameObject("Treasure")
ref = weakref.ref(treasure)
print("while alive:", ref().name)
del treasure
gc.collect()
print("after:", ref().name)  # AttributeError: nothing below runs (weakref/unsafe-deref)
