# A plain weakref.ref to a bound method dies at once: hero.on_event makes a new method object
# each time, and nothing else holds it. WeakMethod lives as long as the object does.
import gc
import weakref


class Player:
    def __init__(self, name):
        self.name = name

    def on_event(self, event):
        print(f"{self.name} saw {event}")


hero = Player("Hero")
plain = weakref.ref(hero.on_event)  # a fresh bound method, dead at once (weakref/weak-target-unreachable)
method = weakref.WeakMethod(hero.on_event)
gc.collect()
print("weakref.ref(hero.on_event)():", plain())
callback = method()
if callback is not None:
    callback("a WeakMethod call")
del callback

del hero
gc.collect()
print("WeakMethod after hero goes:", method())
