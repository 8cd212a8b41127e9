# Handing a WeakMethod over as a callback: calling it returns the bound method and does not
# call it, so the callback "runs" and nothing happens.
import atexit
import weakref


class Device:
    def __init__(self, name):
        self.name = name
        self.unloaded = False

    def unload(self):
        self.unloaded = True


camera = Device("camera")
stage = Device("stage")


def report():  # registered first, so it runs last
    print(f"at exit: camera unloaded? {camera.unloaded}; stage unloaded? {stage.unloaded}")


atexit.register(report)

# weakref/weak-callable-as-callback (deliberate): at exit this returns camera.unload, never calls it.
atexit.register(weakref.WeakMethod(camera.unload))


def unload_if_alive(ref=weakref.WeakMethod(stage.unload)):
    method = ref()
    if method is not None:
        method()


atexit.register(unload_if_alive)
print("exiting")
