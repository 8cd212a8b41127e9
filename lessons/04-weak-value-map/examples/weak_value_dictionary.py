# WeakValueDictionary: entries go with their values. A value nobody else holds goes at once.
import gc
import weakref


class GameObject:
    def __init__(self, name):
        self.name = name


by_id = weakref.WeakValueDictionary()

knight = GameObject("Knight")
by_id["player_1"] = knight
# Stored with no other reference: freed as soon as the statement ends (weakref/weak-target-unreachable).
by_id["player_2"] = GameObject("Dragon")
gc.collect()
print("ids:", sorted(by_id))

found = by_id.get("player_1")
print("player_1 is", found.name if found is not None else None)
del found

del knight
gc.collect()
print("after the knight goes:", by_id.get("player_1"), len(by_id))
