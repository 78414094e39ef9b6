/**
 * Running tasks on worker threads, and handing their results back in input order. The cleaners
 * are synchronous CPU work, so threads are what spreads them over cores; the main thread only
 * reads, writes and reports. Memory stays bounded: at most `window` tasks are in flight, and
 * nothing is read ahead of that window.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { messageOf } from './run.js';

/** Runs tasks of type `T` to results of type `R`, here or on other threads. */
export interface Executor<T, R> {
  /** Runs one task; `transfer` lists buffers handed over to the thread (unusable here afterwards). */
  run(task: T, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Stops the threads; tasks still running are abandoned. */
  close(): Promise<void>;
}

/** An executor that runs each task on the calling thread: `--jobs 1`, the single-threaded path. */
export function inlineExecutor<T, R>(perform: (task: T) => R): Executor<T, R> {
  return {
    run: async (task) => perform(task),
    close: async () => undefined,
  };
}

/**
 * Each thread has its own heap, and V8 lets a young generation grow to tens of megabytes of
 * garbage before collecting it; cleaning makes much short-lived garbage, so a smaller young
 * generation keeps the threads' memory low. 16 MB is the balance measured on two threads: 8 MB
 * spent 9-13% of a worker's time collecting (a JSONL stream peaked at 206 MB and took 17.3 s),
 * 16 MB 6% (213 MB, 16.5 s), 32 MB no faster (233 MB). Old space is left unlimited: one huge
 * document must not fail.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * Tasks sent to a worker ahead of its answers: with one, a worker whose answer waits for the
 * calling thread (busy with a task of its own) sits idle until then. Four measured 3-4% faster
 * than two on the bench corpus with two jobs.
 */
const TASKS_PER_WORKER = 4;

interface Request<T> {
  readonly id: number;
  readonly task: T;
}

type Reply<R> = { readonly id: number; readonly result: R } | { readonly id: number; readonly error: string; readonly name: string };

/**
 * Rebuilds an error thrown on a worker thread from its name and message: errors cross threads as
 * plain `Error`s, so a caller that tells error classes apart ("binary file, skipped") revives them.
 */
export type ReviveError = (name: string, message: string) => Error;

interface Pending<T, R> {
  readonly request: Request<T>;
  readonly transfer: readonly ArrayBuffer[];
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A pool of `size` threads cleaning: the calling thread and `size - 1` worker threads running
 * `script` (a module that calls {@link serveTasks}), each given `data` once as its `workerData`.
 * The calling thread takes a task (`here`) whenever every worker is busy: on two cores, two
 * workers and a main thread that only reads and writes would be three threads on two cores,
 * with one more copy of the code to compile and every result copied across. Threads start on
 * demand, so a batch of one file starts none; a thread that dies fails its task and is replaced
 * by the next task.
 */
export function workerPool<T, R>(script: URL, size: number, data: unknown, here: (task: T) => R, revive: ReviveError = (_name, message) => new Error(message)): Executor<T, R> {
  /** Each worker's tasks, in the order sent (a worker answers them in that order). */
  const assigned = new Map<Worker, Pending<T, R>[]>();
  const queue: Pending<T, R>[] = [];
  let nextId = 0;
  let hereBusy = false;

  const dispatch = (): void => {
    while (queue.length > 0) {
      const worker = workerWithRoom() ?? (assigned.size < size - 1 ? spawn() : undefined);
      if (worker === undefined) break;
      const pending = queue.shift()!;
      assigned.get(worker)!.push(pending);
      worker.postMessage(pending.request, pending.transfer);
    }
    if (queue.length > 0 && !hereBusy) {
      hereBusy = true;
      // After the events already waiting (a worker's result, a finished read): those first.
      setImmediate(runHere);
    }
  };

  const workerWithRoom = (): Worker | undefined => {
    for (const [worker, tasks] of assigned) if (tasks.length < TASKS_PER_WORKER) return worker;
    return undefined;
  };

  const runHere = (): void => {
    const pending = queue.shift();
    if (pending) {
      try {
        pending.resolve(here(pending.request.task));
      } catch (error) {
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    hereBusy = false;
    dispatch();
  };

  const settle = (worker: Worker, reply: Reply<R>): void => {
    const pending = assigned.get(worker)?.shift();
    if (pending) {
      if ('error' in reply) pending.reject(revive(reply.name, reply.error));
      else pending.resolve(reply.result);
    }
    dispatch();
  };

  const lose = (worker: Worker, error: Error): void => {
    const tasks = assigned.get(worker) ?? [];
    assigned.delete(worker);
    for (const pending of tasks) pending.reject(new Error(`worker thread failed: ${messageOf(error)}`));
    dispatch();
  };

  const spawn = (): Worker => {
    const worker = new Worker(script, { workerData: data, resourceLimits: WORKER_LIMITS });
    assigned.set(worker, []);
    worker.on('message', (reply: Reply<R>) => settle(worker, reply));
    worker.on('error', (error) => lose(worker, error));
    worker.on('exit', (code) => {
      if ((assigned.get(worker)?.length ?? 0) > 0) lose(worker, new Error(`exited with code ${code}`));
    });
    return worker;
  };

  return {
    run(task, transfer = []) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ request: { id: nextId++, task }, transfer, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const workers = [...assigned.keys()];
      assigned.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Inside a worker thread: answers each task with `perform(task, workerData)`; errors become messages. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the callers name the types that cross between threads
export function serveTasks<T, R, D>(perform: (task: T, data: D) => R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread');
  const data = workerData as D;
  port.on('message', ({ id, task }: Request<T>) => {
    let reply: Reply<R>;
    try {
      reply = { id, result: perform(task, data) };
    } catch (error) {
      reply = { id, error: messageOf(error), name: error instanceof Error ? error.name : 'Error' };
    }
    port.postMessage(reply);
  });
}

/** How much {@link inOrder} keeps started and not yet finished. */
export interface Window<I> {
  /** Items, at most. */
  readonly items: number;
  /**
   * Their total weight (bytes, say): no item is started while the started ones weigh this much,
   * so nothing starts after a heavy item (a 200 MB file) until it is finished.
   */
  readonly weight?: number;
  /** The weight of an item; items weigh nothing without it. */
  readonly weigh?: (item: I) => number;
}

/**
 * Starts `start(item)` for each item, keeping what `window` allows started and not yet finished,
 * and calls `finish` on the results one at a time in input order. `start` must not reject (turn
 * errors into results); an error thrown by `finish` stops the run and is rethrown.
 */
export async function inOrder<I, R>(items: AsyncIterable<I> | Iterable<I>, window: Window<I>, start: (item: I) => Promise<R>, finish: (result: R) => Promise<void> | void): Promise<void> {
  const started: Array<{ readonly result: Promise<R>; readonly weight: number }> = [];
  let weight = 0;
  const finishFirst = async (): Promise<void> => {
    const first = started.shift()!;
    weight -= first.weight;
    await finish(await first.result);
  };
  for await (const item of items) {
    const itemWeight = window.weigh?.(item) ?? 0;
    started.push({ result: start(item), weight: itemWeight });
    weight += itemWeight;
    while (started.length >= window.items || (window.weight !== undefined && weight >= window.weight && started.length > 0)) await finishFirst();
  }
  while (started.length > 0) await finishFirst();
}

/**
 * The bytes as a view that owns its whole `ArrayBuffer`, so the buffer can be transferred to a
 * thread; Node's small buffers share a pooled `ArrayBuffer`, and those are copied instead.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}
