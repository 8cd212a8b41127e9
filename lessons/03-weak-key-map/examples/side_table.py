# A WeakKeyDictionary as a side table: data about objects you don't own, gone with them.
import gc
import weakref


class User:  # someone else's class: we don't add attributes to it
    def __init__(self, name):
        self.name = name


last_login = weakref.WeakKeyDictionary()

alice = User("Alice")
bob = User("Bob")
last_login[alice] = "2024-01-15"
last_login[bob] = "2024-02-01"
print("entries:", len(last_login))
print("Alice logged in on", last_login[alice])

del bob
gc.collect()
# Unlike a JavaScript WeakMap, it has a size and can be iterated.
print("entries after Bob goes:", len(last_login))
for user, date in last_login.items():
    print(" ", user.name, date)
