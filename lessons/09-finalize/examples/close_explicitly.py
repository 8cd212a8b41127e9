# Close with `with` (a context manager); keep weakref.finalize only as a safety net that
# closes and reports what someone forgot. Corrected from the tutorial's ManagedFile, which
# relied on the finalizer to close the file and wrote test.txt wherever it was run.
import gc
import os
import tempfile
import weakref


class ManagedFile:
    def __init__(self, path):
        self.path = path
        self._file = open(path, "w")
        # The callback is a plain function and gets the file, never self: a bound method
        # would keep self alive, and the finalizer would wait for the end of the program.
        self._finalizer = weakref.finalize(self, _close_forgotten, self._file, os.path.basename(path))

    def write(self, text):
        self._file.write(text)

    def close(self):
        self._file.close()
        self._finalizer.detach()  # closed properly: nothing left for the safety net

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _close_forgotten(file, name):
    file.close()
    print(f"safety net: {name} was never closed; closed it now")


with tempfile.TemporaryDirectory() as folder:
    with ManagedFile(os.path.join(folder, "kept.txt")) as f:
        f.write("hello")
    print("kept.txt closed by with")

    forgotten = ManagedFile(os.path.join(folder, "forgotten.txt"))
    forgotten.write("hello")
    del forgotten
    gc.collect()
    print("done")
