// A weak-value map whose cleanup deletes by key: reopening a name while the old object is still
// alive lets the old object's cleanup delete the new, live entry later.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc reopened-channel.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeChannels(fixed) {
  const byName = new Map(); // name -> WeakRef<channel>
  const registry = new FinalizationRegistry((name) => {
    if (!fixed) {
      // weakref/cleanup-removes-live-entry (deliberate): deletes whatever entry has this name now.
      byName.delete(name);
    } else if (byName.get(name)?.deref() === undefined) {
      byName.delete(name); // read the entry again: only a dead one is removed
    }
  });
  return {
    open(name) {
      const channel = { name, opened: byName.has(name) ? 'reopened' : 'first' };
      byName.set(name, new WeakRef(channel));
      registry.register(channel, name);
      return channel;
    },
    find: (name) => byName.get(name)?.deref(),
  };
}

async function run(fixed) {
  const channels = makeChannels(fixed);
  channels.open('updates'); // the first channel: its caller drops it at once
  const live = channels.open('updates'); // reopened while the first is not collected yet
  for (let i = 0; i < 5; i++) {
    await tick(); // end the job, so the first channel can go
    gc(); // it is collected, and its cleanup is queued
  }
  await tick(); // the cleanup runs
  const found = channels.find('updates');
  console.log(`${fixed ? 'fix' : 'bug'}: 'updates' ->`, found ? `the ${found.opened} channel` : 'missing!');
  return live; // the live channel stays reachable until the check is done
}

run(false).then(() => run(true));
