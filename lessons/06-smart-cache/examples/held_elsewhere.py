# A value out of the strong slots stays cached while someone else still uses it.
import gc
import weakref
from collections import OrderedDict


class SmartCache:
    def __init__(self, max_strong):
        self.max_strong = max_strong
        self._weak = weakref.WeakValueDictionary()
        self._recent = OrderedDict()

    def get(self, key):
        value = self._weak.get(key)
        if value is not None:
            self._touch(key, value)
        return value

    def peek(self, key):
        """Looks without counting as a use."""
        return self._weak.get(key)

    def put(self, key, value):
        self._weak[key] = value
        self._touch(key, value)

    def _touch(self, key, value):
        self._recent[key] = value
        self._recent.move_to_end(key)
        while len(self._recent) > self.max_strong:
            self._recent.popitem(last=False)


class Document:
    def __init__(self, name):
        self.name = name


cache = SmartCache(max_strong=1)
open_in_editor = Document("notes.txt")  # the editor holds this one
cache.put("notes.txt", open_in_editor)
cache.put("todo.txt", Document("todo.txt"))
cache.put("draft.txt", Document("draft.txt"))  # the only strong slot now

gc.collect()
for name in ["notes.txt", "todo.txt", "draft.txt"]:
    print(name, "cached" if cache.peek(name) is not None else "collected")
