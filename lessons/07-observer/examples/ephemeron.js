// The shape that leaks in CPython: each value refers back to its own key (here, a method of
// the key bound to it). A JavaScript WeakMap is an ephemeron table, so this does not leak.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc ephemeron.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class Player {
  constructor(name) {
    this.name = name;
  }
  onEvent(event) {
    console.log(`${this.name} saw ${event}`);
  }
}

const handlers = new WeakMap(); // player -> handler; the handler holds the player

function subscribe(player) {
  handlers.set(player, player.onEvent.bind(player));
}

async function main() {
  let player = new Player('Ada');
  subscribe(player);
  handlers.get(player)('a goal');

  const watch = new WeakRef(player);
  player = null; // only the WeakMap entry still mentions the player now
  await tick();
  gc();
  console.log('player collected although its own value pointed at it:', watch.deref() === undefined);
}

main();
