/**
 * What the HTML report (`--report FILE.html`) collects while a run goes on, in memory bounded
 * whatever the number of documents: totals and removals per rule over all of them; the removals of
 * a document are read once and dropped, except for the documents that lost the most (a heap of
 * fixed size) and a sample of the others (a reservoir); the removed texts seen most often across
 * the corpus are counted with the Space-Saving algorithm (Metwally et al., 2005) in a table of
 * fixed size, whose counts are exact while it has room and upper bounds (error given) after.
 */
import type { CleanedSummary, ReportedRemoval } from './report.js';
import { seededRandom } from './random.js';

/** One cleaned document as the report reads it. */
export interface DocumentSummary extends CleanedSummary {
  /** The file, `-` for stdin, or `file:line` for a JSONL record. */
  readonly name: string;
}

/** A removal as the detail of a document shows it: the text around it, the text itself, and why. */
interface ShownRemoval {
  readonly rule: string;
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  /** Where what it repeats starts, `line:column`, if it repeats something. */
  readonly related: string | undefined;
  /** Kept text just before the removal (empty when it follows the previous removal closely). */
  readonly before: string;
  readonly text: string;
  /** Kept text just after, up to the next removal's context. */
  readonly after: string;
}

/** A document kept in detail. */
export interface DocumentDetail {
  readonly name: string;
  readonly length: number;
  readonly removedCharacters: number;
  readonly removalCount: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly milliseconds: number;
  /** The first removals in context (at most {@link SHOWN_REMOVALS}). */
  readonly shown: readonly ShownRemoval[];
  /** True when the document was drawn into the sample rather than being among those that lost most. */
  sampled: boolean;
}

/** A removed text counted across the corpus. */
interface FrequentRemoval {
  readonly text: string;
  readonly rule: string;
  /** How often it was removed: exact when `error` is 0, else at most this and at least `count - error`. */
  readonly count: number;
  readonly error: number;
  /** The first document it was counted in. */
  readonly example: string;
}

/** Everything the page shows. */
export interface ReportData {
  readonly documents: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly characters: number;
  readonly removedCharacters: number;
  /** Per rule: removals and characters removed. */
  readonly rules: ReadonlyArray<{ readonly rule: string; readonly removals: number; readonly characters: number }>;
  /** Documents by share of their text removed: ten bins of 10%. */
  readonly histogram: readonly number[];
  readonly details: readonly DocumentDetail[];
  readonly frequent: readonly FrequentRemoval[];
  /** True when the frequent-removal table ran out of room and its counts are upper bounds. */
  readonly frequentApproximate: boolean;
  readonly failures: ReadonlyArray<{ readonly name: string; readonly message: string }>;
  readonly failureCount: number;
  readonly timings: {
    readonly seconds: number;
    readonly cleaningSeconds: number;
    readonly medianMilliseconds: number;
    readonly slowest: ReadonlyArray<{ readonly name: string; readonly milliseconds: number }>;
  };
}

/** How much the report keeps. */
export interface ReportLimits {
  /** Documents kept in detail for losing the most. */
  readonly top: number;
  /** Other documents with removals kept in detail, drawn at random (seeded: the same run gives the same sample). */
  readonly sample: number;
  /** Distinct removed texts counted (the Space-Saving table). */
  readonly frequentCapacity: number;
  /** Removed texts shown. */
  readonly frequentShown: number;
  /** Failures named (all are counted). */
  readonly failures: number;
}

const DEFAULT_LIMITS: ReportLimits = { top: 100, sample: 30, frequentCapacity: 5000, frequentShown: 50, failures: 500 };

/** Removals shown in context per document: enough to judge the cleaning, few enough for 130 documents in a page. */
const SHOWN_REMOVALS = 60;

/** Characters of kept text shown on each side of a removal. */
const CONTEXT_CHARACTERS = 160;

/** Characters of a removed text shown (in a document's detail and in the frequent table). */
const SHOWN_CHARACTERS = 400;

/** Documents timed for the median: a reservoir, like the sample. */
const TIMING_SAMPLE = 2000;

/** The slowest documents named. */
const SLOWEST = 10;

/** Collects a run for the report; see the module comment. */
export class ReportCollector {
  private documents = 0;
  private changed = 0;
  private characters = 0;
  private removedCharacters = 0;
  private readonly rules = new Map<string, { removals: number; characters: number }>();
  private readonly histogram = new Array<number>(10).fill(0);
  private readonly top: TopList<DocumentDetail>;
  private readonly sample: DocumentDetail[] = [];
  private sampleSeen = 0;
  private readonly frequent: SpaceSaving;
  private readonly failures: Array<{ name: string; message: string }> = [];
  private failureCount = 0;
  private cleaningMilliseconds = 0;
  private readonly timings: number[] = [];
  private readonly slowest: TopList<{ name: string; milliseconds: number }>;
  private readonly random = seededRandom(0x5eed);
  private readonly started = performance.now();
  private readonly limits: ReportLimits;

  constructor(limits: Partial<ReportLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.top = new TopList(this.limits.top);
    this.slowest = new TopList(SLOWEST);
    this.frequent = new SpaceSaving(this.limits.frequentCapacity);
  }

  /** Reads one cleaned document; keeps its detail only if it is among those that lost most or drawn into the sample. */
  add(document: DocumentSummary): void {
    this.documents++;
    if (document.changed) this.changed++;
    this.characters += document.length;
    let removed = 0;
    for (const removal of document.removals) {
      const length = removal.end - removal.start;
      removed += length;
      const rule = this.rules.get(removal.rule) ?? { removals: 0, characters: 0 };
      rule.removals++;
      rule.characters += length;
      this.rules.set(removal.rule, rule);
      this.frequent.add(normalised(removal.text), removal.rule, document.name);
    }
    this.removedCharacters += removed;
    const share = document.length === 0 ? 0 : removed / document.length;
    this.histogram[Math.min(9, Math.floor(share * 10))]!++;
    this.time(document.name, document.milliseconds);
    if (document.removals.length === 0 || document.input === undefined) return;
    const input = document.input;
    const detail = (): DocumentDetail => ({
      name: document.name,
      length: document.length,
      removedCharacters: removed,
      removalCount: document.removals.length,
      counts: document.counts,
      milliseconds: document.milliseconds,
      shown: inContext(input, document.removals),
      sampled: false,
    });
    const kept = this.top.offer(removed, detail);
    // Reservoir sampling (Algorithm R) over the documents with removals.
    this.sampleSeen++;
    if (this.sample.length < this.limits.sample) this.sample.push(kept ?? detail());
    else {
      const slot = Math.floor(this.random() * this.sampleSeen);
      if (slot < this.limits.sample) this.sample[slot] = kept ?? detail();
    }
  }

  /** Counts a document that failed, naming the first few. */
  fail(name: string, message: string): void {
    this.failureCount++;
    if (this.failures.length < this.limits.failures) this.failures.push({ name, message });
  }

  /** The report's data, as of now. */
  data(): ReportData {
    const top = this.top.sorted();
    const inTop = new Set(top);
    const sampled = this.sample.filter((detail) => !inTop.has(detail)).map((detail) => ({ ...detail, sampled: true }));
    const sortedTimes = [...this.timings].sort((a, b) => a - b);
    return {
      documents: this.documents,
      changed: this.changed,
      unchanged: this.documents - this.changed,
      characters: this.characters,
      removedCharacters: this.removedCharacters,
      rules: [...this.rules].map(([rule, totals]) => ({ rule, ...totals })).sort((a, b) => b.removals - a.removals || (a.rule < b.rule ? -1 : 1)),
      histogram: [...this.histogram],
      details: [...top, ...sampled],
      frequent: this.frequent.top(this.limits.frequentShown),
      frequentApproximate: this.frequent.overflowed,
      failures: [...this.failures],
      failureCount: this.failureCount,
      timings: {
        seconds: (performance.now() - this.started) / 1000,
        cleaningSeconds: this.cleaningMilliseconds / 1000,
        medianMilliseconds: sortedTimes.length === 0 ? 0 : sortedTimes[Math.floor(sortedTimes.length / 2)]!,
        slowest: this.slowest.sorted(),
      },
    };
  }

  private time(name: string, milliseconds: number): void {
    this.cleaningMilliseconds += milliseconds;
    this.slowest.offer(milliseconds, () => ({ name, milliseconds }));
    if (this.timings.length < TIMING_SAMPLE) this.timings.push(milliseconds);
    else {
      const slot = Math.floor(this.random() * this.documents);
      if (slot < TIMING_SAMPLE) this.timings[slot] = milliseconds;
    }
  }
}

/** A removed text as counted: white space collapsed, case folded, cut to a length worth showing. */
function normalised(text: string): string {
  const folded = text.replace(/\s+/gu, ' ').trim();
  return folded.length > SHOWN_CHARACTERS ? `${folded.slice(0, SHOWN_CHARACTERS)}…` : folded;
}

/** The first removals of a document, each with the kept text around it. */
function inContext(input: string, removals: readonly ReportedRemoval[]): ShownRemoval[] {
  const shown: ShownRemoval[] = [];
  const count = Math.min(removals.length, SHOWN_REMOVALS);
  for (let i = 0; i < count; i++) {
    const removal = removals[i]!;
    const previousEnd = i === 0 ? 0 : removals[i - 1]!.end;
    const nextStart = i + 1 < removals.length ? removals[i + 1]!.start : input.length;
    // Context between two removals is shown once: after the first, unless it is long.
    const gapBefore = removal.start - previousEnd;
    const before = i > 0 && gapBefore <= 2 * CONTEXT_CHARACTERS ? '' : input.slice(Math.max(previousEnd, removal.start - CONTEXT_CHARACTERS), removal.start);
    const afterEnd = nextStart - removal.end <= 2 * CONTEXT_CHARACTERS && i + 1 < count ? nextStart : Math.min(nextStart, removal.end + CONTEXT_CHARACTERS);
    const text = removal.text.length > SHOWN_CHARACTERS ? `${removal.text.slice(0, SHOWN_CHARACTERS / 2)} … ${removal.text.slice(-SHOWN_CHARACTERS / 2)}` : removal.text;
    const related = removal.related === undefined ? undefined : `${removal.related.line}:${removal.related.column}`;
    shown.push({ rule: removal.rule, reason: removal.reason, line: removal.line, column: removal.column, related, before, text, after: input.slice(removal.end, afterEnd) });
  }
  return shown;
}

/**
 * A binary min-heap under `less`; `moved` is told each item's new index (for a heap whose items
 * change their key in place, as Space-Saving's counters do).
 */
class MinHeap<T> {
  readonly items: T[] = [];

  constructor(
    private readonly less: (a: T, b: T) => boolean,
    private readonly moved: (item: T, index: number) => void = () => undefined,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.moved(item, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  /** Puts `item` in place of the least item. */
  replaceTop(item: T): void {
    this.items[0] = item;
    this.moved(item, 0);
    this.down(0);
  }

  /** Restores the order after the item at `index` grew. */
  grew(index: number): void {
    this.down(index);
  }

  private swap(a: number, b: number): void {
    const x = this.items[a]!;
    const y = this.items[b]!;
    this.items[a] = y;
    this.items[b] = x;
    this.moved(y, a);
    this.moved(x, b);
  }

  private up(index: number): void {
    for (let i = index; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i]!, this.items[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    for (let i = index; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.items.length && this.less(this.items[left]!, this.items[least]!)) least = left;
      if (right < this.items.length && this.less(this.items[right]!, this.items[least]!)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}

/** The `size` items of greatest score seen; an item is made only when it gets in. */
class TopList<T> {
  // Among equal scores the later item is the lesser, so ties keep the earlier item and a report depends only on the run's order.
  private readonly heap = new MinHeap<{ score: number; order: number; item: T }>((a, b) => a.score < b.score || (a.score === b.score && a.order > b.order));
  private offered = 0;

  constructor(private readonly size: number) {}

  /** Offers an item of `score`; returns it when it was made and kept, else `undefined`. */
  offer(score: number, make: () => T): T | undefined {
    const order = this.offered++;
    if (this.size === 0) return undefined;
    const full = this.heap.items.length >= this.size;
    if (full && score <= this.heap.items[0]!.score) return undefined;
    const item = make();
    if (full) this.heap.replaceTop({ score, order, item });
    else this.heap.push({ score, order, item });
    return item;
  }

  /** The items kept, greatest score first (earlier first among equals). */
  sorted(): T[] {
    return [...this.heap.items].sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.item);
  }
}

interface Counter {
  key: string;
  rule: string;
  example: string;
  count: number;
  error: number;
  /** Position in the heap. */
  index: number;
}

/**
 * Space-Saving: a table of at most `capacity` counters. A text already counted is incremented; a
 * new one takes a free counter, or replaces the counter of least count, inheriting that count as
 * its error. Any text removed more than (removals / capacity) times is guaranteed a counter.
 */
class SpaceSaving {
  private readonly counters = new Map<string, Counter>();
  private readonly heap = new MinHeap<Counter>(
    (a, b) => a.count < b.count,
    (counter, index) => {
      counter.index = index;
    },
  );
  overflowed = false;

  constructor(private readonly capacity: number) {}

  add(key: string, rule: string, example: string): void {
    const counter = this.counters.get(key);
    if (counter !== undefined) {
      counter.count++;
      this.heap.grew(counter.index);
      return;
    }
    if (this.heap.items.length < this.capacity) {
      const fresh: Counter = { key, rule, example, count: 1, error: 0, index: 0 };
      this.counters.set(key, fresh);
      this.heap.push(fresh);
      return;
    }
    this.overflowed = true;
    const least = this.heap.items[0]!;
    this.counters.delete(least.key);
    Object.assign(least, { key, rule, example, error: least.count, count: least.count + 1 });
    this.counters.set(key, least);
    this.heap.grew(0);
  }

  /** The `n` texts of greatest count, only those removed more than once. */
  top(n: number): FrequentRemoval[] {
    return [...this.heap.items]
      .filter((counter) => counter.count - counter.error > 1)
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
      .slice(0, n)
      .map(({ key, rule, count, error, example }) => ({ text: key, rule, count, error, example }));
  }
}
