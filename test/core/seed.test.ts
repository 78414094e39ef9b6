/**
 * The seed article, the product's own example, is a fixture pair (`fixtures/seed.raw.txt`,
 * `fixtures/seed.expected.txt`), so `fixtures.test.ts` cleans it everywhere. Here: the copies are
 * the shared seed, byte for byte, when `../shared` is there to compare with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';

const seedDir = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const hasShared = existsSync(`${seedDir}seed.txt`);

describe('the seed article', () => {
  it('cleans to the hand-cleaned text byte for byte (the fixture copy)', () => {
    expect(clean(readFileSync(`${fixtures}seed.raw.txt`, 'utf8')).text).toBe(readFileSync(`${fixtures}seed.expected.txt`, 'utf8'));
  });

  if (hasShared) {
    it('the fixture copy is the shared seed, byte for byte', () => {
      expect(readFileSync(`${fixtures}seed.raw.txt`, 'utf8')).toBe(readFileSync(`${seedDir}seed.txt`, 'utf8'));
      expect(readFileSync(`${fixtures}seed.expected.txt`, 'utf8')).toBe(readFileSync(`${seedDir}seed.expected.txt`, 'utf8'));
    });
  } else {
    it.skip(`SKIPPED: the fixture copy is the shared seed (${seedDir} not found: ../shared is not beside the repository)`);
    console.warn(`seed.test: skipped the comparison with the shared seed: ${seedDir} not found`);
  }
});
