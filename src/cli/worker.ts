// Worker thread entry (bundled as dist/worker.js): parses the files the pool
// sends, one at a time, for as long as the pool keeps it.
import { parentPort } from 'node:worker_threads';
import { processTask, type Task } from './task.js';

const port = parentPort;
if (!port) throw new Error('planparse worker must run in a worker thread');
port.on('message', (task: Task) => {
  // The text crosses as an array of its pieces: a lazy sequence cannot be cloned.
  void processTask(task).then((result) => port.postMessage(result.ok && result.text ? { ...result, text: [...result.text] } : result));
});
