import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';

const seedDir = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
const hasSeed = existsSync(seedDir + 'seed.txt');

describe.skipIf(!hasSeed)('the seed article', () => {
  it('cleans to the hand-cleaned text byte for byte', () => {
    const raw = readFileSync(seedDir + 'seed.txt', 'utf8');
    const expected = readFileSync(seedDir + 'seed.expected.txt', 'utf8');
    expect(clean(raw).text).toBe(expected);
  });
});
