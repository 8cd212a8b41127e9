# The checks of the Python registry exercise. Each check is run by the checker in a child
# python3, with load() importing the learner's file afresh and tools.collect() running gc.
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Thing({self.name!r})"


def registry_of(load, **kwargs):
    module = load()
    if not hasattr(module, "GameObjectRegistry"):
        raise AssertionError("your file must define a class GameObjectRegistry")
    return module.GameObjectRegistry(**kwargs)


def ids_count_up(load, tools):
    registry = registry_of(load)
    a, b = Thing("a"), Thing("b")
    got = [registry.register(a), registry.register(b, tags=["enemy"])]
    assert got == [1, 2], f"register() returned {got}; expected [1, 2]"
    assert registry.get(1) is a, "get(1) did not return the first object"


def does_not_keep_alive(load, tools):
    registry = registry_of(load)
    thing = Thing("goblin")
    registry.register(thing, tags=["enemy"])
    ref = weakref.ref(thing)
    del thing
    tools.collect()
    assert ref() is None, "a registered object stayed alive after every other reference was dropped: hold it weakly"


def get_after_collection(load, tools):
    registry = registry_of(load)
    obj_id = registry.register(Thing("orc"))
    tools.collect()
    got = registry.get(obj_id)
    assert got is None, f"get({obj_id}) returned {got!r} for an object that has been collected; expected None"


def find_by_tag_live_in_order(load, tools):
    registry = registry_of(load)
    a, b, c = Thing("a"), Thing("b"), Thing("c")
    for t in (a, b, c):
        registry.register(t, tags=["enemy"])
    registry.register(Thing("item"), tags=["item"])
    del b
    tools.collect()
    names = [t.name for t in registry.find_by_tag("enemy")]
    assert names == ["a", "c"], f"find_by_tag('enemy') gave {names}; expected ['a', 'c'] (live objects, in registration order)"
    assert registry.find_by_tag("dragon") == [], "find_by_tag() of an unknown tag must be []"


def created_at_uses_now(load, tools):
    clock = iter([100.0, 250.0])
    registry = registry_of(load, now=lambda: next(clock))
    keep = Thing("hero")
    first = registry.register(keep)
    second = registry.register(Thing("gone"))
    tools.collect()
    assert registry.created_at(first) == 100.0, f"created_at({first}) is {registry.created_at(first)!r}; expected the time from now() at registration, 100.0"
    assert registry.created_at(second) is None, "created_at() of a collected object must be None"


def stats_and_notification(load, tools):
    heard = []
    registry = registry_of(load, on_collected=lambda obj_id, tags: heard.append((obj_id, tuple(tags))))
    keep = Thing("hero")
    registry.register(keep, tags=["player"])
    registry.register(Thing("goblin"), tags=["enemy", "small"])
    tools.collect()
    assert heard == [(2, ("enemy", "small"))], f"on_collected calls: {heard}; expected [(2, ('enemy', 'small'))]"
    stats = registry.stats()
    assert stats == {"live": 1, "collected": 1}, f"stats() is {stats}; expected {{'live': 1, 'collected': 1}}"


CHECKS = [
    {"id": "ids-count-up", "requirement": "register() returns ids 1, 2, 3 and get(id) returns the object.", "run": ids_count_up},
    {"id": "does-not-keep-alive", "requirement": "The registry never keeps a registered object alive.", "run": does_not_keep_alive},
    {"id": "get-after-collection", "requirement": "get(id) returns None once the object has been collected.", "run": get_after_collection},
    {"id": "find-by-tag", "requirement": "find_by_tag(tag) lists the live objects with that tag, in registration order.", "run": find_by_tag_live_in_order},
    {"id": "created-at", "requirement": "created_at(id) is the time now() gave at registration, and None once the object is gone.", "run": created_at_uses_now},
    {"id": "stats-and-notification", "requirement": "on_collected(id, tags) is called after a collection, and stats() counts live and collected objects.", "run": stats_and_notification},
]
