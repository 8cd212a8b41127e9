# What Python can tell you about memory: sys.getsizeof is shallow, tracemalloc counts what
# was allocated, and gc can list who refers to an object (weak references do not count).
import gc
import sys
import tracemalloc
import weakref


class Report:
    def __init__(self):
        self.rows = list(range(100_000))


tracemalloc.start()
before, _ = tracemalloc.get_traced_memory()
report = Report()
after, _ = tracemalloc.get_traced_memory()
tracemalloc.stop()

print("sys.getsizeof(report) under 100 bytes:", sys.getsizeof(report) < 100)
print("tracemalloc saw more than 3 MB:", (after - before) > 3e6)

ref = weakref.ref(report)
print("gc tracks the report:", gc.is_tracked(report))
print("the weakref is among gc.get_referrers(report):", any(r is ref for r in gc.get_referrers(report)))
print("weakref.getweakrefcount(report):", weakref.getweakrefcount(report))
