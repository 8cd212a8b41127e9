# weakref.ref(obj, callback) calls back with the dead ref, not the object: it is gone.
import gc
import weakref


class Session:
    def __init__(self, user):
        self.user = user


def on_collected(dead_ref):
    print("callback: the ref now answers", dead_ref())


session = Session("Ada")
ref = weakref.ref(session, on_collected)
print("before del")
del session  # in CPython the refcount drops to zero here, and the callback runs inside del
print("right after del")
gc.collect()  # another Python may free the object only when its collector runs
print("after gc.collect()")
