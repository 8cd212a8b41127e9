// weakref.proxy in JavaScript: a Proxy that reaches its object through a WeakRef and throws
// a ReferenceError once the object has been collected.
function weakProxy(target) {
  const ref = new WeakRef(target);
  const alive = () => {
    const object = ref.deref();
    if (object === undefined) throw new ReferenceError('weakly referenced object no longer exists');
    return object;
  };
  // The Proxy's own target is a stand-in: the real object must not be held here.
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(alive(), key),
      set: (_, key, value) => Reflect.set(alive(), key, value),
      has: (_, key) => Reflect.has(alive(), key),
      deleteProperty: (_, key) => Reflect.deleteProperty(alive(), key),
      // Defining a non-configurable property still throws: the stand-in cannot match it.
      defineProperty: (_, key, descriptor) => Reflect.defineProperty(alive(), key, descriptor),
      getPrototypeOf: () => Reflect.getPrototypeOf(alive()),
      ownKeys: () => Reflect.ownKeys(alive()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(alive(), key);
        return d && { ...d, configurable: true }; // the stand-in has no such property to match
      },
    },
  );
}

module.exports = { weakProxy };

if (require.main === module) {
  const settings = { theme: 'dark', fontSize: 14 };
  const view = weakProxy(settings);
  console.log('theme through the proxy:', view.theme);
  view.fontSize = 16;
  console.log('a write reaches the object:', settings.fontSize);
  console.log('keys:', Object.keys(view).join(', '));
  console.log("'theme' in view:", 'theme' in view);
  console.log('same prototype:', Object.getPrototypeOf(view) === Object.getPrototypeOf(settings));
  delete view.theme;
  console.log('a delete reaches the object:', !('theme' in settings));
  // A stand-in target means the proxy is not the object: identity checks see the difference.
  console.log('view === settings:', view === settings);
}
