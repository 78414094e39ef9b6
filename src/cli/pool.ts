/**
 * Running tasks on worker threads, and handing their results back in input order. The cleaners
 * are synchronous CPU work, so threads are what spreads them over cores, and what keeps the main
 * thread free to read, write, report and handle Ctrl-C while a large document is cleaned. Memory
 * stays bounded: at most `window` tasks are in flight, and nothing is read ahead of that window.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { messageOf } from './io.js';
import { placeTask, tooLarge, type MemoryBudget } from './memory.js';

/** Runs tasks of type `T` to results of type `R`, here or on other threads. */
export interface Executor<T, R> {
  /** Runs one task; `transfer` lists buffers handed over to the thread (unusable here afterwards). */
  run(task: T, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Stops the threads; tasks still running are abandoned. */
  close(): Promise<void>;
}

/** How tasks, each the bytes of a document or of a chunk of records, are spread over threads (see {@link threads}). */
export interface ThreadPlan<R> {
  /** The module a worker thread runs: one that calls {@link serveTasks}. */
  readonly script: URL;
  /** Threads that clean, the calling one included; 1 cleans one task at a time. */
  readonly jobs: number;
  /** Given once to each worker thread as its `workerData`. */
  readonly data: unknown;
  /** Runs a task on the calling thread. */
  readonly here: (task: Uint8Array) => R;
  /**
   * A task of this many bytes or more never runs on the calling thread: it would keep the thread
   * from its event loop (where Ctrl-C is handled) for seconds, and its heap is V8's default size.
   */
  readonly heavy: number;
  /**
   * The memory a worker thread may take (its old-space limit): a task that cannot fit is refused
   * before it starts, one that runs out anyway fails alone; both with an {@link OutOfMemoryError}.
   */
  readonly budget: MemoryBudget;
  readonly revive?: ReviveError;
}

/** A task failed because the thread running it ran out of memory; the others go on. */
class OutOfMemoryError extends Error {
  override readonly name = 'OutOfMemoryError';
}

/**
 * An executor for `plan`. With one job, tasks run one at a time, in order: a light one on the
 * calling thread, after a turn of its event loop (so a Ctrl-C between two files is handled at
 * once), a heavy one on a worker thread while the calling thread waits, free to handle signals.
 * With more, `jobs - 1` worker threads take tasks and the calling thread takes light ones when
 * every worker is busy (see {@link workerPool}).
 */
export function threads<R>(plan: ThreadPlan<R>): Executor<Uint8Array, R> {
  const own = ownThreads(plan);
  // With one job, a task on a thread of its own waits its turn as the others do.
  const inTurn = oneAtATime();
  const executor = plan.jobs > 1 ? workerPool(plan, plan.jobs - 1, (task) => task.byteLength < plan.heavy) : oneThread(plan, inTurn);
  return {
    run(task, transfer) {
      const placement = placeTask(task, plan.budget);
      if (placement.kind === 'refused') return Promise.reject(new OutOfMemoryError(tooLarge(plan.budget, placement.needMb)));
      if (placement.kind === 'shared') return executor.run(task, transfer);
      return plan.jobs > 1 ? own.run(task, placement.heapMb) : inTurn(() => own.run(task, placement.heapMb));
    },
    close: async () => {
      await Promise.all([executor.close(), own.close()]);
    },
  };
}

/** Runs tasks one at a time, each after the one before has settled. */
type InTurn = <T>(task: () => Promise<T>) => Promise<T>;

function oneAtATime(): InTurn {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task);
    last = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}

/** One task at a time, in order: light ones here after a turn of the event loop, heavy ones on a worker. */
function oneThread<R>(plan: ThreadPlan<R>, inTurn: InTurn): Executor<Uint8Array, R> {
  let worker: Executor<Uint8Array, R> | undefined;
  return {
    run: (task, transfer) =>
      inTurn(async () => {
        if (task.byteLength >= plan.heavy) return (worker ??= workerPool(plan, 1, () => false, LARGE_DOCUMENT_YOUNG_GENERATION_MB)).run(task, transfer);
        await new Promise((resolve) => setImmediate(resolve));
        return plan.here(task);
      }),
    close: async () => worker?.close(),
  };
}

/**
 * Runs a task that needs much memory on a worker thread of its own, whose old space is sized to
 * what the task likely needs (see `placeTask`), and which ends with the task, giving its memory
 * back. The task's bytes are copied to it, not transferred: should the estimate fall short, the
 * task runs again on a thread with the whole budget, and fails only if that runs out too.
 */
function ownThreads<R>(plan: ThreadPlan<R>): { run(task: Uint8Array, heapMb: number): Promise<R>; close(): Promise<void> } {
  const running = new Set<Executor<Uint8Array, R>>();
  const runOn = async (task: Uint8Array, heapMb: number): Promise<R> => {
    const executor = workerPool({ ...plan, budget: { ...plan.budget, heapMb } }, 1, () => false, LARGE_DOCUMENT_YOUNG_GENERATION_MB);
    running.add(executor);
    try {
      return await executor.run(task);
    } finally {
      running.delete(executor);
      await executor.close();
    }
  };
  return {
    async run(task, heapMb) {
      try {
        return await runOn(task, heapMb);
      } catch (error) {
        if (!(error instanceof OutOfMemoryError)) throw error;
        return runOn(task, plan.budget.heapMb);
      }
    },
    close: async () => {
      await Promise.all([...running].map((executor) => executor.close()));
    },
  };
}

/**
 * Each thread has its own heap, and V8 lets a young generation grow to tens of megabytes of
 * garbage before collecting it; cleaning makes much short-lived garbage, so a smaller young
 * generation keeps the threads' memory low. 16 MB is the balance measured on two threads: 8 MB
 * spent 9-13% of a worker's time collecting (a JSONL stream peaked at 206 MB and took 17.3 s),
 * 16 MB 6% (213 MB, 16.5 s), 32 MB no faster (233 MB). The old space is the budget's.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * The young generation of the thread that cleans the large documents of a one-job run: a large
 * model promotes much of a small one's garbage to the old space. Ten million one-character lines
 * took 42.2 s of CPU with 16 MB, 37.8 s with 48 MB, 29.9 s with 96 MB (5.6 GB at the peak either
 * way but 6.5 GB with 16 MB); 2.5 and 5 million lines 5.9 and 12.5 s with 96 MB.
 */
const LARGE_DOCUMENT_YOUNG_GENERATION_MB = 96;

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
type ReviveError = (name: string, message: string) => Error;

interface Pending<T, R> {
  readonly request: Request<T>;
  readonly transfer: readonly ArrayBuffer[];
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A pool of `workers` threads running `plan.script`, each given `plan.data` once. The calling
 * thread takes a task that `hereTakes` whenever every worker is busy: on two cores, two workers
 * and a main thread that only reads and writes would be three threads on two cores, with one
 * more copy of the code to compile and every result copied across. Threads start on demand, so a
 * batch of one file starts none. A thread that dies fails the task it was running (as out of
 * memory when that is why) and is replaced; the tasks it had not started go to another.
 */
function workerPool<R>(plan: ThreadPlan<R>, workers: number, hereTakes: (task: Uint8Array) => boolean, youngMb = YOUNG_GENERATION_MB): Executor<Uint8Array, R> {
  /** Each worker's tasks, in the order sent (a worker answers them in that order; the first is running). */
  const assigned = new Map<Worker, Pending<Uint8Array, R>[]>();
  const queue: Pending<Uint8Array, R>[] = [];
  const revive = plan.revive ?? ((_name: string, message: string) => new Error(message));
  let nextId = 0;
  let hereBusy = false;

  const dispatch = (): void => {
    while (queue.length > 0) {
      const worker = workerWithRoom() ?? (assigned.size < workers ? spawn() : undefined);
      if (worker === undefined) break;
      const pending = queue.shift()!;
      assigned.get(worker)!.push(pending);
      worker.postMessage(pending.request, pending.transfer);
    }
    if (!hereBusy && queue.some((pending) => hereTakes(pending.request.task))) {
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
    const at = queue.findIndex((pending) => hereTakes(pending.request.task));
    const pending = at === -1 ? undefined : queue.splice(at, 1)[0];
    if (pending) {
      try {
        pending.resolve(plan.here(pending.request.task));
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
    const [running, ...waiting] = assigned.get(worker) ?? [];
    assigned.delete(worker);
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    running?.reject(outOfMemory ? new OutOfMemoryError(tooLarge(plan.budget)) : new Error(`worker thread failed: ${messageOf(error)}`));
    // Not started: another thread takes them.
    queue.unshift(...waiting);
    dispatch();
  };

  const spawn = (): Worker => {
    const worker = new Worker(plan.script, { workerData: plan.data, resourceLimits: { maxYoungGenerationSizeMb: youngMb, maxOldGenerationSizeMb: plan.budget.heapMb } });
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
      const all = [...assigned.keys()];
      assigned.clear();
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Inside a worker thread: answers each task with `perform(task, data)`, where `data` is the
 * `workerData`, made ready once by `prepare`; errors become messages.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the callers name the types that cross between threads
export function serveTasks<T, R, D>(perform: (task: T, data: D) => R, prepare: (data: D) => D = (data) => data): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread');
  const data = prepare(workerData as D);
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
