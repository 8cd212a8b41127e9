# A WeakKeyDictionary looks keys up by == and hash(), not by identity as a WeakMap does:
# two equal objects share one entry, and the entry lives only as long as the first key.
import gc
import weakref


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


labels = weakref.WeakKeyDictionary()
first = Point(1, 2)
second = Point(1, 2)  # a different object, equal to the first
labels[first] = "first"
labels[second] = "second"  # replaces the value; the key stays `first`
print("entries:", len(labels))
print("labels[first]:", labels[first])

del first
gc.collect()
print("after the first key goes, second in labels:", second in labels)
