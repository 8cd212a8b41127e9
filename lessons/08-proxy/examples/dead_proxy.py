# Using a proxy after its object is gone raises ReferenceError wherever it is touched.
import gc
import weakref


class Texture:
    def __init__(self, name):
        self.name = name


texture = Texture("grass")
proxy = weakref.proxy(texture)
print("alive:", proxy.name)
del texture
gc.collect()
print(proxy.name)  # raises: nothing below runs
