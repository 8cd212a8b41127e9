# Wrap the value in an object and hold the wrapper weakly. The wrapper is what lives and dies,
# so whoever cares about the value must keep the wrapper.
import gc
import weakref


class Box:
    __slots__ = ("value", "__weakref__")

    def __init__(self, value):
        self.value = value


scores = weakref.WeakValueDictionary()
kept = Box([10, 20, 30])        # a list cannot be held weakly; its box can
scores["ada"] = kept
scores["bob"] = Box([5])        # nobody keeps this box (weakref/weak-target-unreachable)
gc.collect()

for name in ["ada", "bob"]:
    box = scores.get(name)
    print(name, box.value if box is not None else "gone")
