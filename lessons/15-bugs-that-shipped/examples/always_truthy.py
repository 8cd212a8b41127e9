# Testing the weakref.ref object instead of its target: a ref has no __bool__, so it is
# truthy even when its target is long gone.
import gc
import weakref


class Owner:
    pass


class Listener:
    def __init__(self, owner):
        self.owner_ref = weakref.ref(owner)

    def alive_bug(self):
        # weakref/weak-ref-always-truthy (deliberate): tests the ref, not its target.
        return "alive" if self.owner_ref else "gone"

    def alive_fix(self):
        return "alive" if self.owner_ref() is not None else "gone"


owner = Owner()
listener = Listener(owner)
print("owner held:    bug says", listener.alive_bug() + ", fix says", listener.alive_fix())
del owner
gc.collect()
print("owner dropped: bug says", listener.alive_bug() + ", fix says", listener.alive_fix())
