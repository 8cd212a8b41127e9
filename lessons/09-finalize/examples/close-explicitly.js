// Release resources explicitly, with try/finally. A FinalizationRegistry is only a safety net
// that reports a handle someone forgot to close, if and when that handle is collected.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc close-explicitly.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const openFiles = new Set(); // stands in for the operating system's table of open files

const forgotten = new FinalizationRegistry((name) => {
  console.log(`warning: ${name} was never closed; closing it now`);
  openFiles.delete(name);
});

class FileHandle {
  constructor(name) {
    this.name = name;
    openFiles.add(name);
    forgotten.register(this, name, this); // the handle is its own unregister token
  }
  write(text) {
    return `${this.name} <- ${text}`;
  }
  close() {
    openFiles.delete(this.name);
    forgotten.unregister(this); // closed properly: the safety net is not needed
    console.log(`closed ${this.name}`);
  }
}

function writeReport() {
  const file = new FileHandle('report.txt');
  try {
    console.log(file.write('totals'));
  } finally {
    file.close(); // runs even if write() throws
  }
}

function writeLogCarelessly() {
  const file = new FileHandle('log.txt');
  console.log(file.write('started')); // ... and never closed
}

async function main() {
  writeReport();
  writeLogCarelessly();
  console.log('open files now:', [...openFiles].join(', '));

  await tick();
  gc();
  for (let i = 0; i < 50 && openFiles.size > 0; i++) await tick();
  console.log('open files in the end:', openFiles.size);
}

main();
