# At a normal exit, weakref.finalize calls the finalizers still pending, newest first: the
# reverse of the order they were created in, like a stack of resources being unwound.
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


database = Resource("database")
cache = Resource("cache")
log = Resource("log")
for resource in (database, cache, log):
    weakref.finalize(resource, print, "finalizer:", resource.name)

print("end of the program; three resources still alive")
