# In CPython, reference counting frees most objects at once; a cycle waits for the cycle
# collector. A weak back-reference avoids the cycle, so the pair goes at once.
import gc
import weakref


class Node:
    def __init__(self, name, parent=None, weak_parent=False):
        self.name = name
        self.children = []
        if parent is None:
            self.parent = None
        elif weak_parent:
            self.parent = weakref.ref(parent)
        else:
            self.parent = parent
        if parent is not None:
            parent.children.append(self)


gc.disable()  # so the cycle collector runs only when we ask

parent = Node("parent")
Node("child", parent)                      # child.parent -> parent: a strong cycle
cycle = weakref.ref(parent)
del parent
print("strong cycle, after del:", "alive" if cycle() else "freed")
gc.collect()
print("strong cycle, after gc.collect():", "alive" if cycle() else "freed")

parent = Node("parent")
Node("child", parent, weak_parent=True)    # child.parent is a weakref.ref: no cycle
no_cycle = weakref.ref(parent)
del parent
print("weak back-reference, after del:", "alive" if no_cycle() else "freed")

gc.enable()
