import { describe, expect, it } from 'vitest';
import { inOrder, type Window } from '../../src/cli/pool.js';

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
