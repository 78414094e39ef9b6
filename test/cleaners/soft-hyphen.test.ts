import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ruleTester } from './rule-tester.js';

const SHY = '\u00AD';

ruleTester('soft-hyphen', {
  valid: [
    { name: 'a text without soft hyphens', text: 'The ferry leaves at noon.\n\nTickets cost ten euros - cash only.\n' },
    { name: 'a hard hyphen and a dash stay', text: 'A well-known café re-opened – at last.\n' },
  ],
  invalid: [
    {
      name: 'a soft hyphen inside a word goes, with no space in its place',
      text: `Tau${SHY}sende kamen zum Hafen.\n`,
      removed: [SHY],
      reason: /soft hyphen/u,
      output: 'Tausende kamen zum Hafen.\n',
    },
    {
      name: 'each soft hyphen is its own removal; a run of them is one',
      text: `Die Ver${SHY}sand${SHY}${SHY}kosten steigen.\n`,
      removed: [SHY, SHY + SHY],
      output: 'Die Versandkosten steigen.\n',
    },
    {
      name: 'a soft hyphen after a space leaves the one space',
      text: `Troops handed over to US ${SHY}forces in the north.\n`,
      removed: [SHY],
      output: 'Troops handed over to US forces in the north.\n',
    },
  ],
});

describe('soft-hyphen with the other rules', () => {
  it('lets a line another rule removes take its soft hyphens with it', () => {
    const text = `Harbour reopens after storm\n\nThe harbour reopened on Monday after the storm, and the first ferries left at dawn.\n\nHar${SHY}bour reopens after storm\n\nIts re${SHY}pairs took three weeks, the port said.\n`;
    const result = clean(text);
    expect(result.text).toBe('Harbour reopens after storm\n\nThe harbour reopened on Monday after the storm, and the first ferries left at dawn.\n\nIts repairs took three weeks, the port said.\n');
    expect(result.removals.map((removal) => [removal.rule, text.slice(removal.span.start, removal.span.end)])).toEqual([
      ['repeated-title', `Har${SHY}bour reopens after storm`],
      ['soft-hyphen', SHY],
    ]);
  });
});
