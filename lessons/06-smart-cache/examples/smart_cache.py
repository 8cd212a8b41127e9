# Every value weakly (WeakValueDictionary), the few used most recently also strongly.
# Corrected from the tutorial: recency is by key and refreshed on every use (the tutorial's
# list only appended, and compared values with ==, so equal values were conflated).
import gc
import weakref
from collections import OrderedDict


class SmartCache:
    def __init__(self, max_strong):
        self.max_strong = max_strong
        self._weak = weakref.WeakValueDictionary()
        self._recent = OrderedDict()  # key -> value, strongly; most recent last

    def get(self, key):
        value = self._weak.get(key)
        if value is not None:
            self._touch(key, value)
        return value

    def peek(self, key):
        """Looks without counting as a use."""
        return self._weak.get(key)

    def put(self, key, value):
        self._weak[key] = value  # TypeError if value cannot be weakly referenced
        self._touch(key, value)

    def _touch(self, key, value):
        self._recent[key] = value
        self._recent.move_to_end(key)
        while len(self._recent) > self.max_strong:
            self._recent.popitem(last=False)


class Report:
    def __init__(self, month):
        self.month = month


loads = 0
cache = SmartCache(max_strong=2)


def get_report(month):
    global loads
    report = cache.get(month)
    if report is None:
        loads += 1
        report = Report(month)
        cache.put(month, report)
    return report


for month in ["jan", "feb", "mar", "apr"]:
    get_report(month)
print("loads after the first pass:", loads)

gc.collect()
# jan and feb fell out of the two strong slots and nobody else holds them.
for month in ["jan", "feb", "mar", "apr"]:
    print(month, "cached" if cache.peek(month) is not None else "collected")

get_report("jan")
print("loads after asking for jan again:", loads)
