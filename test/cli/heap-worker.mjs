// A worker thread for pool.test.ts: it speaks the protocol of serveTasks in src/cli/pool.ts (a
// task `{ id, task }` in, `{ id, result }` out), holds `workerData.holdMb` of heap while it
// works, and answers with its heap limit in MB.
import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';

const MB = 1024 * 1024;

parentPort.on('message', ({ id }) => {
  const held = [];
  // Arrays of a million doubles, 8 MB each, in the old generation's large-object space.
  for (let mb = 0; mb < workerData.holdMb; mb += 8) held.push(new Array(1_000_000).fill(0.5));
  parentPort.postMessage({ id, result: { heapLimitMb: v8.getHeapStatistics().heap_size_limit / MB, held: held.length } });
});
