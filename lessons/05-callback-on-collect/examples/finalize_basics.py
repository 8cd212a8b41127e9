# weakref.finalize(obj, func, *args): func(*args) runs once, when obj is collected.
# detach() cancels it (JavaScript's unregister); calling it runs it now, once.
import gc
import weakref


class Connection:
    def __init__(self, name):
        self.name = name


def report(name):
    print(f"cleanup for {name}")


a = Connection("a")
b = Connection("b")
c = Connection("c")
fa = weakref.finalize(a, report, "a")  # the arguments are the held value
fb = weakref.finalize(b, report, "b")
fc = weakref.finalize(c, report, "c")

fb.detach()  # cancelled: never runs
print("c closed by hand:")
fc()         # runs now...
print("alive:", fa.alive, fb.alive, fc.alive)

del a, b, c
gc.collect()  # ...and not again when c goes
print("done")
