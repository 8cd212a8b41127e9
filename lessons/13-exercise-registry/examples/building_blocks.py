# The exercise's building blocks in Python, corrected from the tutorial's solution:
# - finalize(...).atexit = False: otherwise every object still alive at exit is reported
#   "destroyed" as the program ends;
# - tags found in a stable order (a WeakSet's order changes from run to run);
# - an unknown tag does not create an empty entry.
import gc
import weakref


class GameObject:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind


class Registry:
    def __init__(self):
        self._by_id = weakref.WeakValueDictionary()
        self._tags = {}  # tag -> WeakSet
        self.stats = {"registered": 0, "collected": 0}

    def register(self, obj_id, obj, tags=()):
        self._by_id[obj_id] = obj
        for tag in tags:
            self._tags.setdefault(tag, weakref.WeakSet()).add(obj)
        self.stats["registered"] += 1
        # The finalizer holds self (a bound method) and the id, never obj.
        weakref.finalize(obj, self._collected, obj_id).atexit = False

    def _collected(self, obj_id):
        self.stats["collected"] += 1
        print(f"notification: {obj_id} was collected")

    def find_by_tag(self, tag):
        return sorted((o.name for o in self._tags.get(tag, ())))

    def get(self, obj_id):
        return self._by_id.get(obj_id)


registry = Registry()
hero = GameObject("Hero", "player")
goblin = GameObject("Goblin", "enemy")
orc = GameObject("Orc", "enemy")
registry.register("player_1", hero, ["player"])
registry.register("enemy_1", goblin, ["enemy"])
registry.register("enemy_2", orc, ["enemy"])

print("enemies:", registry.find_by_tag("enemy"))
del goblin
gc.collect()
print("enemies:", registry.find_by_tag("enemy"))
print("dragons:", registry.find_by_tag("dragon"))
print("stats:", registry.stats)
