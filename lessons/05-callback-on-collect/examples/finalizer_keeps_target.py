# The callback and its arguments are held strongly. If they reach the object, it never dies:
# here a bound method holds its object, so the finalizer waits for the interpreter to exit.
import gc
import weakref


class TempFile:
    def __init__(self, name):
        self.name = name

    def remove(self):
        print(f"removing {self.name}")


def remove_name(name):
    print(f"removing {name}")


leaky = TempFile("leaky.tmp")
weakref.finalize(leaky, leaky.remove)            # leaky.remove holds leaky (weakref/register-holds-target)
fine = TempFile("fine.tmp")
weakref.finalize(fine, remove_name, fine.name)   # only the name is held

spy = weakref.ref(leaky)
del leaky, fine
gc.collect()
print("leaky.tmp still alive:", spy() is not None)
print("end of the program")
