# Keys must be weakly referenceable AND hashable: dicts, lists, ints and strs are refused.
import weakref

table = weakref.WeakKeyDictionary()


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    # Defining __eq__ without __hash__ makes instances unhashable.


class Plain:
    pass


for key in ["a string", 42, (1, 2), [1, 2], {"id": 1}, Point(1, 2), Plain()]:
    try:
        table[key] = "data"
        print(f"{type(key).__name__:>5}: stored")
    except TypeError as e:
        print(f"{type(key).__name__:>5}: TypeError: {e}")
