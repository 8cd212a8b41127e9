// An event source that notifies its observers without keeping them alive: a Set of
// WeakRefs it can iterate, pruned by a FinalizationRegistry.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc weak-observers.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class EventSource {
  #observers = new Set(); // WeakRef(observer)
  #registry = new FinalizationRegistry((ref) => this.#observers.delete(ref));

  subscribe(observer) {
    const ref = new WeakRef(observer); // the observer object, not one of its methods
    this.#observers.add(ref);
    this.#registry.register(observer, ref, ref);
  }

  emit(event) {
    for (const ref of this.#observers) {
      const observer = ref.deref();
      if (observer) observer.onEvent(event);
    }
  }

  get count() {
    return this.#observers.size;
  }
}

class Player {
  constructor(name) {
    this.name = name;
  }
  onEvent(event) {
    console.log(`  ${this.name} saw ${event}`);
  }
}

async function main() {
  const game = new EventSource();
  const ada = new Player('Ada');
  let bob = new Player('Bob');
  game.subscribe(ada);
  game.subscribe(bob);

  console.log('first event:');
  game.emit('kick-off');

  bob = null; // Bob leaves without unsubscribing
  await tick();
  gc();
  console.log('after Bob is collected:');
  game.emit('a goal');

  for (let i = 0; i < 50 && game.count > 1; i++) await tick();
  console.log('observers left once the cleanup ran:', game.count);
}

main();
