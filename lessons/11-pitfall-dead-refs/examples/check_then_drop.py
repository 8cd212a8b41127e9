# Why "check, then call again" is wrong even in single-threaded CPython: anything between the
# check and the second call may drop the last strong reference. Here a callback does.
import gc
import weakref


class Enemy:
    def __init__(self, name):
        self.name = name


enemies = [Enemy("Goblin")]
ref = weakref.ref(enemies[0])


def game_tick():
    enemies.clear()  # the goblin is defeated: its last strong reference goes
    gc.collect()


if ref() is not None:        # checked...
    game_tick()
    print("second call gives:", ref())  # ...but this is a different answer

obj = ref()
print("read once, checked:", "alive" if obj is not None else "collected")
