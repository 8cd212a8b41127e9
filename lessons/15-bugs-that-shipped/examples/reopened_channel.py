# A weak-value dict of our own whose finalizer deletes by key: reopening a name while the old
# object is still alive lets the old object's finalizer delete the new, live entry later.
import gc
import weakref


class Channel:
    def __init__(self, name, opened):
        self.name = name
        self.opened = opened


class Channels:
    def __init__(self, fixed):
        self.fixed = fixed
        self.by_name = {}  # name -> weakref.ref(channel)

    def open(self, name):
        channel = Channel(name, "reopened" if name in self.by_name else "first")
        ref = weakref.ref(channel)
        self.by_name[name] = ref
        if not self.fixed:
            # weakref/cleanup-removes-live-entry (deliberate): pops whatever entry has this name now.
            weakref.finalize(channel, self.by_name.pop, name, None)
        else:
            weakref.finalize(channel, self._remove_if_same, name, ref)
        return channel

    def _remove_if_same(self, name, ref):
        if self.by_name.get(name) is ref:  # read the entry again: only our own is removed
            del self.by_name[name]

    def find(self, name):
        ref = self.by_name.get(name)
        return ref() if ref is not None else None


def run(fixed):
    channels = Channels(fixed)
    first = channels.open("updates")
    live = channels.open("updates")  # reopened while the first is still alive
    del first  # the first channel goes now, and its finalizer runs
    gc.collect()
    found = channels.find("updates")
    label = "fix" if fixed else "bug"
    print(f"{label}: 'updates' ->", f"the {found.opened} channel" if found else "missing!")
    return live


run(False)
run(True)
