# The tutorial's ResourceManager returns weakref.proxy(resource) for a dict: that raises
# TypeError, because a dict cannot be weakly referenced. A small class (or a dict subclass) can.
import gc
import weakref

try:
    weakref.proxy({"name": "texture_1"})  # weakref/invalid-weak-target
except TypeError as e:
    print("proxy of a dict:", e)


class Resource:
    def __init__(self, name):
        self.name = name
        self.data = f"Resource: {name}"


class ResourceManager:
    def __init__(self):
        self._resources = {}

    def create(self, name):
        resource = Resource(name)
        self._resources[name] = resource  # the manager owns it
        return weakref.proxy(resource)    # callers only borrow it

    def delete(self, name):
        del self._resources[name]


manager = ResourceManager()
texture = manager.create("texture_1")
print("through the proxy:", texture.data)
manager.delete("texture_1")
gc.collect()
try:
    print(texture.data)
except ReferenceError as e:
    print("after delete: ReferenceError:", e)
