// The opposite trap: holding a *bound method* weakly. bind() makes a new function that only
// the WeakRef refers to: it is kept to the end of the task that made it, then collected at the
// next GC while its object lives on.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc bound-listener-dies.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class Scoreboard {
  constructor() {
    this.goals = 0;
    // weakref/weak-target-unreachable: nothing else holds this bound function.
    this.listener = new WeakRef(this.onGoal.bind(this));
  }
  onGoal() {
    this.goals += 1;
  }
}

async function main() {
  const board = new Scoreboard();
  board.listener.deref()?.();
  console.log('goals counted right away:', board.goals);

  await tick();
  gc();
  const listener = board.listener.deref();
  console.log('the board is alive:', board instanceof Scoreboard);
  console.log('its listener is gone:', listener === undefined);
}

main();
