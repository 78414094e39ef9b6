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
 * million one-character lines (about 550 bytes of heap per line at the peak) and on a 200 MB line
 * of sentences (about 13 bytes per byte); the figures here are well under those, so that a
 * document refused before it is read would surely not have fitted. One that is refused later, by
 * the heap limit itself, fails alone too.
 */
const HEAP_PER_LINE = 300;
const HEAP_PER_BYTE = 8;

/** The heap, in MB, that cleaning a text of `bytes` bytes in `lines` lines needs at the least. */
function leastHeapMb(bytes: number, lines: number): number {
  return (HEAP_PER_LINE * lines + HEAP_PER_BYTE * bytes) / MB;
}

/** The message for a document that does not fit, given what it needs. */
export function tooLarge(budget: MemoryBudget, needMb?: number): string {
  const need = needMb === undefined ? '' : `it needs at least ${Math.ceil(needMb)} MB, `;
  return `too large for the memory available (${need}${budget.heapMb} MB: ${budget.source}); see "Large documents" in the README`;
}

/**
 * The least heap, in MB, cleaning `bytes` (a document, or a chunk of records) needs, when that is
 * more than `budget` allows; undefined when it may fit. Lines are counted only when the bytes
 * alone do not settle it: line feeds, and the `\\n` escapes of a JSON string.
 */
export function beyondBudget(bytes: Uint8Array, budget: MemoryBudget): number | undefined {
  if (leastHeapMb(bytes.byteLength, bytes.byteLength / 2) <= budget.heapMb) return undefined;
  const need = leastHeapMb(bytes.byteLength, 1 + occurrences(bytes, LINE_FEED) + occurrences(bytes, ESCAPED_LINE_FEED));
  return need > budget.heapMb ? need : undefined;
}

const LINE_FEED = Buffer.from('\n');
const ESCAPED_LINE_FEED = Buffer.from('\\n');

function occurrences(bytes: Uint8Array, what: Buffer): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(what); at !== -1; at = buffer.indexOf(what, at + what.length)) count++;
  return count;
}
