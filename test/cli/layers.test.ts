/**
 * The command's modules stand in floors, and a module imports only from its own floor or the
 * floors below it: the lowest holds reading, writing and messages, the top the runner and the
 * entry. A new module must be given a floor here. Import loops are a separate check
 * (`npx madge --circular --extensions ts src`); this one keeps the layout readable from the top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const FLOORS: ReadonlyArray<{ readonly name: string; readonly modules: readonly string[]; readonly siblings: boolean }> = [
  // Import nothing else of the command.
  { name: 'I/O and formats', modules: ['io', 'decode', 'files', 'memory', 'key-table', 'json-fields', 'report', 'progress', 'rule-options', 'config', 'diff', 'random'], siblings: false },
  // Inputs (and which entries a walk takes), threads, and the cleaning of one document or one chunk
  // of records; for duplicate documents, their reading, the files between phases and a drop's report.
  { name: 'sources and work', modules: ['input-filter', 'sources', 'pool', 'clean-document', 'records', 'counts-file', 'line-counts', 'document-worker', 'record-worker', 'dedup-documents', 'dedup-formats', 'dedup-report'], siblings: true },
  // What the HTML report collects, and its page.
  { name: 'the run report', modules: ['report-data', 'report-page'], siblings: true },
  { name: 'the command line', modules: ['options'], siblings: false },
  { name: 'what the document modes share', modules: ['document-output'], siblings: false },
  // Each mode stands alone: one never imports another.
  { name: 'modes', modules: ['single', 'batch', 'jsonl', 'count-lines', 'merge-counts', 'dedup'], siblings: false },
  { name: 'runner', modules: ['run'], siblings: false },
  { name: 'entry', modules: ['main'], siblings: false },
];

const CLI = path.join(ROOT, 'src/cli');

function floorOf(module: string): number {
  return FLOORS.findIndex((floor) => floor.modules.includes(module));
}

/** The modules of `src/cli/` that `module` imports: statically, or when it needs them (`await import('./x.js')`). */
function importsOf(module: string): string[] {
  const source = readFileSync(path.join(CLI, `${module}.ts`), 'utf8');
  const statically = [...source.matchAll(/^(?:import|export)\b[^;]*?from '\.\/([^']+)\.js';/gmu)].map((match) => match[1]!);
  const lazily = [...source.matchAll(/\bimport\('\.\/([^']+)\.js'\)/gu)].map((match) => match[1]!);
  return [...new Set([...statically, ...lazily])];
}

describe('the floors of src/cli/', () => {
  const modules = readdirSync(CLI)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -3));

  it('every module has a floor, and every floor names modules that exist', () => {
    expect(modules.filter((module) => floorOf(module) === -1)).toEqual([]);
    for (const floor of FLOORS) for (const module of floor.modules) expect(modules, floor.name).toContain(module);
  });

  it('no module imports from a floor above its own, nor a sibling where its floor forbids it', () => {
    const wrong: string[] = [];
    for (const module of modules) {
      const floor = floorOf(module);
      for (const imported of importsOf(module)) {
        const other = floorOf(imported);
        if (other > floor || (other === floor && !FLOORS[floor]!.siblings)) wrong.push(`${module} (${FLOORS[floor]!.name}) imports ${imported} (${FLOORS[other]?.name ?? 'no floor'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the check reads imports: the runner imports every mode (each when it runs), the document modes what they share', () => {
    expect(importsOf('run')).toEqual(expect.arrayContaining([...FLOORS.find((floor) => floor.name === 'modes')!.modules]));
    expect(importsOf('single')).toContain('document-output');
    expect(importsOf('document-output')).toEqual(expect.arrayContaining(['report-data', 'report-page', 'diff']));
  });
});
