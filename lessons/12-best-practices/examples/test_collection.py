# Testing that something is released: hold it only through a weakref, drop the strong
# reference, collect, and check. The same test catches the leaky design and passes the fixed one.
import gc
import weakref


class LeakyMembers:
    def __init__(self):
        self._handlers = weakref.WeakKeyDictionary()

    def add(self, member):
        self._handlers[member] = member.greet  # the value holds its key: a leak


class Members:
    def __init__(self):
        self._names = weakref.WeakKeyDictionary()

    def add(self, member):
        self._names[member] = member.name      # the value does not reach the key


class Member:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"hi {self.name}"


def is_released(members_class):
    members = members_class()
    bob = Member("bob")
    members.add(bob)
    ref = weakref.ref(bob)
    del bob
    gc.collect()
    return ref() is None


for cls in [LeakyMembers, Members]:
    print(f"{cls.__name__}: member released: {is_released(cls)}")
