// JavaScript has no WeakValueMap: build one from a Map of WeakRefs and a FinalizationRegistry.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc weak-value-map.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class WeakValueMap {
  #refs = new Map(); // key -> WeakRef(value)
  // The held value is the key and the WeakRef, never the value itself (that would keep it alive).
  #registry = new FinalizationRegistry(({ key, ref }) => {
    // Delete only if the map still holds *this* WeakRef: the key may have a newer value now.
    if (this.#refs.get(key) === ref) this.#refs.delete(key);
  });

  set(key, value) {
    const old = this.#refs.get(key);
    if (old) this.#registry.unregister(old);
    const ref = new WeakRef(value);
    this.#refs.set(key, ref);
    this.#registry.register(value, { key, ref }, ref);
  }

  get(key) {
    return this.#refs.get(key)?.deref();
  }

  get size() {
    return this.#refs.size; // entries whose cleanup has not run yet are still counted
  }
}

const images = new WeakValueMap();
const screen = { banner: null }; // what is on screen: the banner, for now

function loadImages() {
  const logo = { file: 'logo.png' };
  images.set('logo', logo);
  screen.banner = { file: 'banner.png' };
  images.set('banner', screen.banner);
  return logo; // the caller keeps the logo
}

async function main() {
  const logo = loadImages();
  console.log('right after loading:', images.get('logo')?.file, images.get('banner')?.file);

  await tick();
  screen.banner = null; // the banner leaves the screen: nobody else holds it now
  gc();
  console.log('after a collection:', images.get('logo')?.file, images.get('banner')?.file);
  console.log('entries still counted:', images.size); // the cleanup has not run yet

  // The cleanup callback runs later; give it a few turns of the event loop.
  for (let i = 0; i < 50 && images.size > 1; i++) await tick();
  console.log('entries left once the cleanup ran:', images.size);
  console.log('the logo is still ours:', logo.file);
}

main();
