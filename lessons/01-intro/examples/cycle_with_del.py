# Since Python 3.4 (PEP 442) the cycle collector also frees cycles whose objects define __del__.
# Before, it left them in gc.garbage for ever, one more reason old advice reached for weak refs.
import gc

finalized = []  # the order in which a cycle's __del__ methods run is not promised: sort it


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        finalized.append(self.name)


gc.disable()  # only the explicit collection below runs
a, b = Node("a"), Node("b")
a.other, b.other = b, a  # a strong cycle, with __del__ on both sides
del a, b
print("dropped the cycle; nothing freed yet")
found = gc.collect()
print("collected:", found >= 2, "- __del__ ran for:", sorted(finalized), "- left in gc.garbage:", len(gc.garbage))
gc.enable()
