// Testing "this gets collected" deterministically: hold the object only through a WeakRef,
// end the task, collect, and repeat a few times before deciding.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc test-collection.js');
  process.exit(1);
}
const assert = require('assert');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves true once ref's target is gone, false if it survives `rounds` collections. */
async function isCollected(ref, rounds = 5) {
  for (let i = 0; i < rounds; i++) {
    await tick(); // end the task: deref() results are no longer kept
    gc();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

// The code under test: a registry that should not keep its members alive.
class Members {
  #set = new WeakSet();
  add(member) {
    this.#set.add(member);
  }
  has(member) {
    return this.#set.has(member);
  }
}

async function test(name, body) {
  try {
    await body();
    console.log(`pass  ${name}`);
  } catch (e) {
    console.log(`FAIL  ${name}: ${e.message}`);
    process.exitCode = 1;
  }
}

async function main() {
  const members = new Members();

  await test('a member that is still used stays', async () => {
    const alice = { name: 'alice' };
    members.add(alice);
    assert.equal(await isCollected(new WeakRef(alice)), false);
    assert.ok(members.has(alice));
  });

  await test('a member nobody uses is not kept alive by the registry', async () => {
    const ref = (() => {
      const bob = { name: 'bob' };
      members.add(bob);
      return new WeakRef(bob);
    })();
    assert.equal(await isCollected(ref), true);
  });
}

main();
