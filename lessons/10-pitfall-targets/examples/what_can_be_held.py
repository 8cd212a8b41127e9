# What CPython lets you reference weakly. Instances of your own classes: yes, unless their
# __slots__ leave out __weakref__. Most built-in values: no. weakref.proxy has the same rule.
import weakref


class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


class Config(dict):
    pass


def function():
    pass


candidates = [
    ("instance of a class", Plain()),
    ("instance with __slots__", Slotted()),
    ("__slots__ with __weakref__", SlottedWeak()),
    ("subclass of dict", Config()),
    ("function", function),
    ("set", {1, 2}),
    ("frozenset", frozenset({1})),
    ("the class itself", Plain),
    ("dict", {"a": 1}),
    ("list", [1, 2]),
    ("tuple", (1, 2)),
    ("int", 42),
    ("str", "hello"),
    ("bytes", b"hi"),
    ("None", None),
    ("object()", object()),
]
for label, value in candidates:
    try:
        weakref.ref(value)
        ref_ok = "yes"
    except TypeError:
        ref_ok = "no"
    try:
        weakref.proxy(value)
        proxy_ok = "yes"
    except TypeError:
        proxy_ok = "no"
    print(f"{label:<27} ref: {ref_ok:<3}  proxy: {proxy_ok}")
