/**
 * Fixture pairs: `fixtures/<name>.raw.txt` is scraped-looking text written for this project, and
 * `fixtures/<name>.expected.txt` is what a careful editor makes of it (written by hand, not taken
 * from the tool's output). `clean` must produce the expected text byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.raw.txt'))
  .map((file) => file.slice(0, -'.raw.txt'.length))
  .sort();

/**
 * Fixtures the tool does not meet yet where the expectation is a judgement call, with why. A
 * fixture whose expectation is beyond doubt is never listed here: it fails until the tool is fixed.
 */
const JUDGEMENT_CALLS: ReadonlyMap<string, string> = new Map([]);

function read(name: string, kind: 'raw' | 'expected'): string {
  return readFileSync(`${dir}${name}.${kind}.txt`, 'utf8');
}

describe('fixtures', () => {
  it('has raw and expected files in pairs', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    const expected = readdirSync(dir).filter((file) => file.endsWith('.expected.txt'));
    expect(expected.map((file) => file.slice(0, -'.expected.txt'.length)).sort()).toEqual(names);
  });

  for (const name of names) {
    const test = JUDGEMENT_CALLS.has(name) ? it.fails : it;
    test(`${name}: cleans to the expected text`, () => {
      expect(clean(read(name, 'raw')).text).toBe(read(name, 'expected'));
    });
  }

  it('crlf: keeps CRLF line endings', () => {
    const out = clean(read('crlf', 'raw')).text;
    expect(out).toContain('\r\n');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  for (const name of names) {
    // What an editor made of the raw text is a clean article: cleaning it changes nothing.
    const test = JUDGEMENT_CALLS.has(name) ? it.fails : it;
    test(`${name}: leaves the expected text as it is`, () => {
      const expected = read(name, 'expected');
      expect(clean(expected).text).toBe(expected);
    });
  }
});
