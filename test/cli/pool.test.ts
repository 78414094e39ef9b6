import { describe, expect, it } from 'vitest';
import { placeTask } from '../../src/cli/memory.js';
import { inOrder, threads, type ThreadPlan, type Window } from '../../src/cli/pool.js';

/**
 * Runs `inOrder` over items that finish in a scrambled order (each after a number of ticks), and
 * records what was in flight whenever an item started, and the order of the finished results.
 */
async function run(weights: readonly number[], window: Window<number>): Promise<{ finished: number[]; inFlight: Array<{ items: number; weight: number }> }> {
  const active = new Set<number>();
  const inFlight: Array<{ items: number; weight: number }> = [];
  const finished: number[] = [];
  const weightOf = (index: number): number => weights[index]!;
  const start = async (index: number): Promise<number> => {
    active.add(index);
    inFlight.push({ items: active.size, weight: [...active].reduce((sum, i) => sum + weightOf(i), 0) });
    for (let tick = 0; tick < (index * 7) % 5; tick++) await new Promise((resolve) => setImmediate(resolve));
    return index;
  };
  const finish = (index: number): void => {
    active.delete(index);
    finished.push(index);
  };
  await inOrder(weights.keys(), window, start, finish);
  return { finished, inFlight };
}

describe('inOrder', () => {
  const weights = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];

  it('finishes every item in input order whatever order they end in', async () => {
    const { finished } = await run(weights, { items: 4 });
    expect(finished).toEqual([...weights.keys()]);
  });

  it('keeps at most `items` started and not finished', async () => {
    const { inFlight } = await run(weights, { items: 4 });
    expect(Math.max(...inFlight.map((state) => state.items))).toBe(4);
  });

  it('starts no item while the started ones weigh the limit: nothing starts beside a heavy item', async () => {
    const { finished, inFlight } = await run(weights, { items: 100, weight: 9, weigh: (index) => weights[index]! });
    expect(finished).toEqual([...weights.keys()]);
    // An item may start while the others weigh less than the limit: the total is below the
    // limit plus the heaviest item.
    for (const [index, state] of inFlight.entries()) expect(state.weight - weights[index]!).toBeLessThan(9);
    // Item 5 weighs 9: item 6 started only once it (and all before it) had finished.
    expect(inFlight[6]).toEqual({ items: 1, weight: weights[6] });
  });
});

describe('threads: a task that needs much memory gets a thread of its own', () => {
  /** Two million empty lines: what cleaning them likely needs is far more than what they weigh. */
  const MANY_LINES = new Uint8Array(2_000_000).fill(0x0a);
  const BUDGET_MB = 3000;
  /**
   * A budget above the heap the task is sized to (754 MB) and not far above: a worker that fills
   * its heap to the limit collects again and again before it fails, for longer the larger the heap
   * (37 s to fail at 3000 MB after 754).
   */
  const SMALL_BUDGET_MB = 1000;

  const plan = (holdMb: number, budgetMb = BUDGET_MB): ThreadPlan<{ heapLimitMb: number; held: number }> => ({
    script: new URL('./heap-worker.mjs', import.meta.url),
    jobs: 1,
    data: { holdMb },
    here: () => {
      throw new Error('a heavy task never runs on the calling thread');
    },
    heavy: 256 * 1024,
    budget: { heapMb: budgetMb, source: 'the test' },
  });

  it('sized to what it likely needs, not the whole budget', async () => {
    const placement = placeTask(MANY_LINES, plan(0).budget);
    expect(placement.kind).toBe('own');
    const heapMb = placement.kind === 'own' ? placement.heapMb : 0;
    const executor = threads(plan(64));
    try {
      const result = await executor.run(MANY_LINES);
      expect(result.held).toBe(8);
      // The limit V8 reports adds the young generation to the old space asked for.
      expect(result.heapLimitMb).toBeGreaterThanOrEqual(heapMb);
      expect(result.heapLimitMb).toBeLessThan(heapMb + 512);
      expect(result.heapLimitMb).toBeLessThan(BUDGET_MB);
    } finally {
      await executor.close();
    }
  }, 60_000);

  it('run again with the whole budget when its own heap falls short', async () => {
    const placement = placeTask(MANY_LINES, plan(0).budget);
    const heapMb = placement.kind === 'own' ? placement.heapMb : BUDGET_MB;
    // More than the sized heap holds, well within the budget.
    const holdMb = heapMb + 400;
    const executor = threads(plan(holdMb));
    try {
      const result = await executor.run(MANY_LINES);
      expect(result.held).toBe(Math.ceil(holdMb / 8));
      expect(result.heapLimitMb).toBeGreaterThanOrEqual(BUDGET_MB);
    } finally {
      await executor.close();
    }
  }, 120_000);

  it('fails with the budget in its message when the whole budget falls short too', async () => {
    expect(placeTask(MANY_LINES, plan(0, SMALL_BUDGET_MB).budget)).toEqual({ kind: 'own', heapMb: expect.any(Number) as number });
    const executor = threads(plan(SMALL_BUDGET_MB + 200, SMALL_BUDGET_MB));
    try {
      await expect(executor.run(MANY_LINES)).rejects.toThrow(/^too large for the memory available \(1000 MB: the test\)/u);
    } finally {
      await executor.close();
    }
  }, 120_000);
});
