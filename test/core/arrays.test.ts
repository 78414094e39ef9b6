import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Array, int32Array, uint8Array } from '../../src/core/arrays.js';

describe('int32Array, uint8Array, float64Array', () => {
  it('make arrays of zeros of the length asked, small, carved and large alike', () => {
    for (const length of [0, 1, 8, 16, 17, 100, 2047, 2048, 4096, 4097, 20_000]) {
      for (const make of [int32Array, uint8Array, float64Array]) {
        const array = make(length);
        expect(array.length).toBe(length);
        expect(array.every((value) => value === 0)).toBe(true);
      }
    }
  });

  it('hand out arrays that share no element, across many shared buffers, each zeroed when made', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.nat({ max: 6000 })), { minLength: 1, maxLength: 200 }), (asked) => {
        const made = asked.map(([kind, length], i) => {
          const array = [int32Array, uint8Array, float64Array][kind]!(length);
          // Zeros when made, whatever was written to the arrays made before it.
          expect(array.every((value) => value === 0)).toBe(true);
          array.fill((i % 250) + 1);
          return array;
        });
        // Each still holds what was written to it: no later array was carved over it.
        made.forEach((array, i) => expect(array.every((value) => value === (i % 250) + 1)).toBe(true));
      }),
      { numRuns: 50 },
    );
  });
});
