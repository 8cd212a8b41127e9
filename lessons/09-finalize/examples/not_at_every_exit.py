# weakref.finalize runs the finalizers still pending at a normal exit, unlike a JavaScript
# FinalizationRegistry. But not at every exit: os._exit() (or a crash, or a kill) skips them.
import os
import sys
import weakref


class Lock:
    pass


lock = Lock()
weakref.finalize(lock, print, "finalizer: released the lock")

print("leaving with os._exit(0)")
sys.stdout.flush()  # os._exit skips flushing too; without this the line above may be lost
os._exit(0)
