# SIGTERM, the signal a service manager or `kill` sends, ends Python without running atexit
# handlers or pending weakref.finalize callbacks: its default action kills the process at once.
import subprocess
import sys

CHILD = """
import atexit, os, signal, weakref

class Lock:
    pass

lock = Lock()
weakref.finalize(lock, print, "finalizer: released the lock")
atexit.register(print, "atexit: said goodbye")
print("child: {how}", flush=True)
{ending}
"""

ENDINGS = {
    "returning from the program": "",
    "sending itself SIGTERM": "os.kill(os.getpid(), signal.SIGTERM)",
}

for how, ending in ENDINGS.items():
    code = CHILD.format(how=how, ending=ending)
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    print(child.stdout, end="")
    print(f"  (exit code {child.returncode})")
