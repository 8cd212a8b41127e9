# A weakref.ref callback belongs to the ref object: if the ref dies before its referent, the
# callback is lost with it. A finalize object needs no keeping: the weakref module holds every
# finalizer until it has been called or detached.
import gc
import weakref


class Connection:
    def __init__(self, name):
        self.name = name


def watch_with_ref(conn):
    # The ref is a local: it dies when this function returns, and its callback with it.
    weakref.ref(conn, lambda dead: print("ref callback: connection closed"))


def watch_with_finalize(conn):
    # The finalize object is not kept here either, but the module keeps it.
    weakref.finalize(conn, print, "finalizer: connection closed")


first = Connection("first")
watch_with_ref(first)
del first
gc.collect()
print("first is gone; its ref callback never ran")

second = Connection("second")
watch_with_finalize(second)
del second
gc.collect()
print("second is gone")
