# The fix: hold each callback through weakref.WeakMethod, which holds the function and the
# object separately, and weakly. Dead entries go by themselves, through the ref's callback.
import gc
import weakref


class EventManager:
    def __init__(self):
        # WeakMethod -> None: a dict keeps subscription order (a set would not).
        self._callbacks = {}

    def subscribe(self, bound_method):
        ref = weakref.WeakMethod(bound_method, self._forget)
        self._callbacks[ref] = None

    def _forget(self, dead_ref):
        self._callbacks.pop(dead_ref, None)

    def notify(self, event):
        for ref in list(self._callbacks):  # a copy: entries may go while we call
            callback = ref()
            if callback is not None:
                callback(event)

    def __len__(self):
        return len(self._callbacks)


class Player:
    def __init__(self, name):
        self.name = name

    def on_event(self, event):
        print(f"  {self.name} saw {event}")


manager = EventManager()
hero = Player("Hero")
wizard = Player("Wizard")
manager.subscribe(hero.on_event)
manager.subscribe(wizard.on_event)
print("first event:")
manager.notify("kick-off")

del wizard
gc.collect()
print("after the wizard is collected:")
manager.notify("a goal")
print("observers left:", len(manager))
