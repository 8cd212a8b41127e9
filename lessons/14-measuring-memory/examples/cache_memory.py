# tracemalloc measures what Python allocates. A weak-value cache stays flat while a strong
# one grows. The output states thresholds, not byte counts, so it is the same on every run.
import gc
import tracemalloc
import weakref

ROUNDS = 10
ROWS = 20_000  # about 0.8 MB per report: the list and its int objects


class Report:
    def __init__(self, n):
        self.rows = list(range(n * ROWS, (n + 1) * ROWS))


def run(cache):
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    for n in range(ROUNDS):
        report = Report(n)    # used for this round only...
        cache[n] = report     # ...and cached
        del report
        gc.collect()
    now, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (now - base) / 1e6


weak_growth = run(weakref.WeakValueDictionary())
strong_cache = {}
strong_growth = run(strong_cache)
print(f"rounds: {ROUNDS}, about 0.8 MB of fresh data per round")
print("weak cache: growth stayed under 1 MB:", weak_growth < 1)
print("strong cache: grew by more than 5 MB:", strong_growth > 5)
print("strong cache still holds every report:", len(strong_cache) == ROUNDS)
