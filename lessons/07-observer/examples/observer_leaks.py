# The tutorial's EventManager, cut down: a WeakKeyDictionary from observer to its callbacks.
# It leaks: the value holds player.on_event, a bound method, which holds player, the key.
import gc
import weakref


class EventManager:
    def __init__(self):
        self._observers = weakref.WeakKeyDictionary()

    def subscribe(self, observer, callback):
        self._observers.setdefault(observer, []).append(callback)

    def notify(self, event):
        for callbacks in list(self._observers.values()):
            for callback in callbacks:
                callback(event)


class Player:
    def __init__(self, name):
        self.name = name

    def on_event(self, event):
        print(f"  {self.name} saw {event}")


manager = EventManager()
hero = Player("Hero")
wizard = Player("Wizard")
# The values are bound methods of their keys: the entries never go (weakref/weak-key-held-by-value).
manager.subscribe(hero, hero.on_event)
manager.subscribe(wizard, wizard.on_event)

spy = weakref.ref(wizard)
del wizard
gc.collect()
print("after del wizard and gc.collect():")
manager.notify("damage")
print("wizard still alive:", spy() is not None)
