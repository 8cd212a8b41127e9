// The measuring tools Node offers, and what each one tells you. Only facts that do not change
// from run to run are printed.
const v8 = require('v8');

const usage = process.memoryUsage();
console.log('process.memoryUsage() fields:', Object.keys(usage).sort().join(', '));

const heap = v8.getHeapStatistics();
console.log('v8.getHeapStatistics() has used_heap_size:', typeof heap.used_heap_size === 'number');
console.log('v8.getHeapStatistics() has heap_size_limit:', typeof heap.heap_size_limit === 'number');
console.log('the heap in use is within its limit:', heap.used_heap_size < heap.heap_size_limit);

console.log('v8.writeHeapSnapshot is available:', typeof v8.writeHeapSnapshot === 'function');
console.log('gc() is available (--expose-gc):', typeof globalThis.gc === 'function');
