/**
 * How much memory the thread that cleans a large document may take, and whether a document can fit
 * in it at all. V8 gives each thread a heap of its own size (about 4 GB here, whatever the machine
 * has), and a document whose model needs most of that is cleaned in a garbage collector that runs
 * again and again near its limit: ten million short lines took twice as long as they should, and
 * past the limit (or under `ulimit -v`) Node aborts with a V8 dump. So a large document goes to a
 * worker thread whose heap is sized from what the machine (its memory, a cgroup's or `ulimit -v`'s
 * limit) can give, or from `--max-old-space-size` when the user set one; a document its estimate
 * says cannot fit is refused with a message, and one that runs out anyway fails alone.
 * Part of the command's lowest floor: it imports nothing else of the command.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';

const MB = 1024 * 1024;

/** The share of the machine's memory one document may take: the rest is for the system and the other threads. */
const MACHINE_SHARE = 0.75;

/**
 * Address space a worker thread takes besides its heap (its stack, V8's code range, the C
 * library's arena): a worker added 0.86 GB of virtual size to an idle process here.
 */
const WORKER_ADDRESS_SPACE = 1024 * MB;

/**
 * Under an address-space limit, the heap gets half of what is left: the rest holds what a document
 * keeps outside the heap (its bytes, the typed arrays of its words) and what V8 reserves as it grows.
 */
const HEAP_SHARE_OF_ADDRESS_SPACE = 0.5;

/** What a heap smaller than this holds is cleaned faster on the main thread; the floor of any budget. */
const MIN_HEAP_MB = 256;

/** The memory a large document may use, and where that figure comes from (said when one does not fit). */
export interface MemoryBudget {
  /** The old-space limit, in MB, of the thread that cleans a large document. */
  readonly heapMb: number;
  /** Why this much: "3/4 of the machine's 24 GB", "ulimit -v 3000000 KB", "--max-old-space-size". */
  readonly source: string;
}

/** The budget of a run, from the machine, its limits and the user's `--max-old-space-size`. */
export function memoryBudget(): MemoryBudget {
  const own = v8.getHeapStatistics().heap_size_limit / MB;
  if (userSetHeapSize()) return { heapMb: Math.floor(own), source: '--max-old-space-size' };
  // Node 20 gives undefined (its types say a number) where no cgroup limits the process.
  const constrained = (process.constrainedMemory() as number | undefined) ?? 0;
  // constrainedMemory is 2^64 - 1 (or a little less, rounded) when no cgroup limits the process.
  const limited = constrained > 0 && constrained < os.totalmem();
  const physical = limited ? constrained : os.totalmem();
  let heapMb = (physical * MACHINE_SHARE) / MB;
  let source = `3/4 of the ${limited ? 'memory the cgroup allows' : "machine's memory"} (${Math.round(physical / MB)} MB)`;
  const addressSpace = addressSpaceLimit();
  if (addressSpace !== undefined) {
    const left = ((addressSpace - virtualSize() - WORKER_ADDRESS_SPACE) * HEAP_SHARE_OF_ADDRESS_SPACE) / MB;
    if (left < heapMb) {
      heapMb = left;
      source = `the address space left under ulimit -v ${Math.round(addressSpace / 1024)}`;
    }
  }
  return { heapMb: Math.max(MIN_HEAP_MB, Math.floor(heapMb)), source };
}

/** True when `--max-old-space-size` was given to node, on its command line or in NODE_OPTIONS. */
function userSetHeapSize(): boolean {
  const given = (flags: readonly string[]): boolean => flags.some((flag) => /^--max[-_]old[-_]space[-_]size\b/u.test(flag));
  return given(process.execArgv) || given((process.env['NODE_OPTIONS'] ?? '').split(/\s+/u));
}

/** The `ulimit -v` of this process in bytes, from Linux's /proc; undefined when unlimited or unknown. */
function addressSpaceLimit(): number | undefined {
  try {
    const line = /^Max address space\s+(\S+)/mu.exec(readFileSync('/proc/self/limits', 'utf8'));
    const soft = line?.[1];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}

/** The address space this process takes now, in bytes (0 where /proc does not tell). */
function virtualSize(): number {
  try {
    const kb = /^VmSize:\s+(\d+) kB/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Heap the model of a document takes, at the least, per line and per byte of its text (the
 * parsed lines and sentences, the shared analysis, a rule's view of every line). Measured on ten
 * million one-character lines (about 225 bytes of heap per line at the peak) and on a 200 MB line
 * of sentences (about 13 bytes per byte); the figures here are well under those, so that a
 * document refused before it is read would surely not have fitted. One that is refused later, by
 * the heap limit itself, fails alone too.
 */
const HEAP_PER_LINE = 200;
const HEAP_PER_BYTE = 8;

/**
 * Heap the model of a document takes at its peak, at the most that was measured: a million
 * one-character lines run in 262 MB of old space and not in 255 (the most live after a full
 * collection with `--trace-gc`: 224 bytes a line at ten million); the corpora's 6.5 MB of page text (229,000
 * lines) ran in 120 MB of old space and not in 100, well under these figures' 169 MB.
 */
const LIKELY_HEAP_PER_LINE = 300;
const LIKELY_HEAP_PER_BYTE = 16;

/**
 * The old space a thread of its own gets over a document's likely need: room to grow, without
 * which the collector runs again and again near the limit. Ten million one-character lines (then
 * 3.6 GB at the peak, 4.1 GB likely) took 48.7 s of CPU and 4.4 GB with a limit of 4000 MB, 32.6
 * s and 4.6 GB with 5000, 29.8 s and 4.9 GB with 6000, 38.3 s and 6.3 GB with 18 GB; since the
 * page rule's facts are typed arrays (2.8 GB at the peak), 31.8 s and 3.7 GB with 3600, 28.3 s
 * and 3.8 GB with 4150 (this headroom), 27.5 s and 3.9 GB with 5400.
 */
const HEADROOM = 1.25;

/**
 * A document whose model likely needs this much heap (MB) is cleaned on a worker thread of its
 * own, with an old space sized to it rather than the whole budget. V8 lets a heap grow to several
 * times what it holds when its limit allows: ten million one-character lines (3.6 GB at the peak)
 * took 6.3 GB with a limit of 3/4 of this machine's 24 GB, and the kernel's time zeroing those
 * pages made the run super-linear; with a limit of 4.5 GB, 4.4 GB and linear. Smaller documents
 * share the threads' heaps, which they never grow far.
 */
const OWN_HEAP_FROM_MB = 512;

/** What cleaning a document needs of the heap, in MB: surely at least `least`, likely no more than `likely`. */
interface HeapNeed {
  readonly least: number;
  readonly likely: number;
}

/**
 * What cleaning `bytes` (a document, or a chunk of records) needs of the heap, counting its lines
 * (line feeds, and the `\\n` escapes of a JSON string) only when the bytes alone do not settle it:
 * `undefined` when it surely fits any thread's heap.
 */
function heapNeed(bytes: Uint8Array, smallest: number): HeapNeed | undefined {
  if ((LIKELY_HEAP_PER_LINE + LIKELY_HEAP_PER_BYTE) * bytes.byteLength / MB < smallest) return undefined;
  const lines = 1 + occurrences(bytes, LINE_FEED) + occurrences(bytes, ESCAPED_LINE_FEED);
  return {
    least: (HEAP_PER_LINE * lines + HEAP_PER_BYTE * bytes.byteLength) / MB,
    likely: (LIKELY_HEAP_PER_LINE * lines + LIKELY_HEAP_PER_BYTE * bytes.byteLength) / MB,
  };
}

/** The message for a document that does not fit, given what it needs. */
export function tooLarge(budget: MemoryBudget, needMb?: number): string {
  const need = needMb === undefined ? '' : `it needs at least ${Math.ceil(needMb)} MB, `;
  return `too large for the memory available (${need}${budget.heapMb} MB: ${budget.source}); see "Large documents" in the README`;
}

/** Where a task is cleaned, by what it needs of the heap (see {@link placeTask}). */
export type Placement =
  /** On the threads the run shares: it needs little. */
  | { readonly kind: 'shared' }
  /** On a thread of its own whose old space is `heapMb`, less than the budget: a second try gets the whole budget. */
  | { readonly kind: 'own'; readonly heapMb: number }
  /** Nowhere: it needs at least `needMb`, more than the budget. */
  | { readonly kind: 'refused'; readonly needMb: number };

/**
 * Where cleaning `bytes` goes: refused when it surely needs more than `budget`, on a thread of
 * its own sized to its likely need when that is large (see {@link OWN_HEAP_FROM_MB}) and less
 * than the budget, else on the shared threads.
 */
export function placeTask(bytes: Uint8Array, budget: MemoryBudget): Placement {
  const need = heapNeed(bytes, Math.min(OWN_HEAP_FROM_MB, budget.heapMb));
  if (need === undefined) return { kind: 'shared' };
  if (need.least > budget.heapMb) return { kind: 'refused', needMb: need.least };
  const heapMb = Math.ceil(need.likely * HEADROOM);
  return heapMb >= OWN_HEAP_FROM_MB && heapMb < budget.heapMb ? { kind: 'own', heapMb } : { kind: 'shared' };
}

const LINE_FEED = Buffer.from('\n');
const ESCAPED_LINE_FEED = Buffer.from('\\n');

function occurrences(bytes: Uint8Array, what: Buffer): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(what); at !== -1; at = buffer.indexOf(what, at + what.length)) count++;
  return count;
}
