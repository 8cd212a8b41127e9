# A reference solution: objects are held only through weak references; a finalizer per object
# (holding the registry and the id, never the object) does the bookkeeping and the notification.
import time
import weakref


class GameObjectRegistry:
    def __init__(self, on_collected=None, now=time.monotonic):
        self._on_collected = on_collected
        self.now = now
        self._next_id = 1
        self._refs = {}  # obj_id -> weakref.ref(obj), in registration order
        self._info = {}  # obj_id -> (tags, created)
        self._collected = 0

    def register(self, obj, tags=()):
        obj_id = self._next_id
        self._next_id += 1
        tags = tuple(tags)
        self._refs[obj_id] = weakref.ref(obj)
        self._info[obj_id] = (tags, self.now())
        # atexit=False: an object still alive when the program ends was not collected.
        weakref.finalize(obj, self._forget, obj_id, tags).atexit = False
        return obj_id

    def _forget(self, obj_id, tags):
        self._refs.pop(obj_id, None)
        self._info.pop(obj_id, None)
        self._collected += 1
        if self._on_collected is not None:
            self._on_collected(obj_id, tags)

    def get(self, obj_id):
        ref = self._refs.get(obj_id)
        return ref() if ref is not None else None

    def find_by_tag(self, tag):
        found = []
        for obj_id, ref in list(self._refs.items()):
            obj = ref()
            if obj is not None and tag in self._info[obj_id][0]:
                found.append(obj)
        return found

    def created_at(self, obj_id):
        if self.get(obj_id) is None:
            return None
        return self._info[obj_id][1]

    def stats(self):
        live = sum(1 for ref in list(self._refs.values()) if ref() is not None)
        return {"live": live, "collected": self._collected}
