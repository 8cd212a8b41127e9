# Exercise: a game object registry that never keeps an object alive.
# Make every requirement listed in the lesson pass; "Check my solution" runs the checks.
import time


class GameObjectRegistry:
    def __init__(self, on_collected=None, now=time.monotonic):
        self._on_collected = on_collected  # called as on_collected(obj_id, tags)
        self.now = now
        self._next_id = 1
        self._objects = {}  # obj_id -> (obj, tags, created): strong! fix this
        self._collected = 0

    def register(self, obj, tags=()):
        obj_id = self._next_id
        self._next_id += 1
        self._objects[obj_id] = (obj, tuple(tags), self.now())
        return obj_id

    def get(self, obj_id):
        entry = self._objects.get(obj_id)
        return entry[0] if entry else None

    def find_by_tag(self, tag):
        return [obj for obj, tags, _ in self._objects.values() if tag in tags]

    def created_at(self, obj_id):
        entry = self._objects.get(obj_id)
        return entry[2] if entry else None

    def stats(self):
        return {"live": len(self._objects), "collected": self._collected}
