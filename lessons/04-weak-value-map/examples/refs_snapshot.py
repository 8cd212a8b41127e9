# valuerefs() (and keyrefs() on a WeakKeyDictionary) list the weak references themselves: a
# snapshot to walk later that keeps nothing alive. values() and keys() hand out strong references.
import gc
import weakref


class Image:
    def __init__(self, name):
        self.name = name


logo, banner = Image("logo"), Image("banner")
images = weakref.WeakValueDictionary(logo=logo, banner=banner)

refs = images.valuerefs()  # weak references: holding this list keeps no image alive
strong = list(images.values())  # strong references: this list keeps both alive
del logo, banner
gc.collect()
print("while a values() list is held:", sorted(images))

del strong
gc.collect()
print("after it is dropped:", sorted(images))
print("the refs from valuerefs() now give:", [ref() for ref in refs])

sizes = weakref.WeakKeyDictionary()
icon = Image("icon")
sizes[icon] = 16
for ref in sizes.keyrefs():  # the same for keys: call each ref, check for None
    key = ref()
    if key is not None:
        print("keyrefs():", key.name, sizes[key])
