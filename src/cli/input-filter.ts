/**
 * Which entries a folder walk takes, as ripgrep and Prettier users expect: hidden entries
 * (`.cache/`, `.draft.txt`) are skipped unless `--hidden`; `node_modules/`, `.git/` and what a
 * `.gitignore` ignores are skipped unless `--no-ignore`; and a quoted glob (`'scraped/**\/*.txt'`)
 * is expanded by the command. The matching is the `ignore` package's (the gitignore rules ESLint
 * uses) and `picomatch`'s (the glob matcher under fast-glob and tinyglobby); the walk itself stays
 * in `sources.ts`, lazy, so memory does not grow with the number of files.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** What a walk may take besides ordinary entries. */
export interface FilterOptions {
  /** Take hidden entries (names starting with a dot) too. */
  readonly hidden: boolean;
  /** Skip `node_modules/`, `.git/` and what `.gitignore` files ignore (false: `--no-ignore`). */
  readonly ignore: boolean;
}

/** Why an entry was passed over. */
export type SkipReason = 'hidden' | 'ignored';

/** Folders that are never input, skipped like ignored entries (a `.gitignore` of their own is not needed). */
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

/** The rules of one `.gitignore`, and the folder its patterns are relative to. */
interface IgnoreFile {
  readonly folder: string;
  readonly rules: Ignore;
}

/**
 * The ignore rules in force in one folder of a walk: the `.gitignore` files of the folders above
 * it (up to the root of the git repository holding it, as git reads them) and of the folders
 * walked down to it. A deeper file wins over a shallower one, as in git.
 */
export class IgnoreRules {
  private constructor(
    private readonly options: FilterOptions,
    private readonly files: readonly IgnoreFile[],
  ) {}

  /** The rules for a walk starting at `folder`: those of its ancestors inside the same git repository, and its own. */
  static async forRoot(folder: string, options: FilterOptions): Promise<IgnoreRules> {
    const rules = new IgnoreRules(options, []);
    if (!options.ignore) return rules;
    const absolute = path.resolve(folder);
    const ancestors: string[] = [];
    for (let current = path.dirname(absolute); ; current = path.dirname(current)) {
      ancestors.push(current);
      if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) break;
    }
    // Outside a repository the folders above the walk say nothing about it.
    const inRepository = existsSync(path.join(ancestors[ancestors.length - 1]!, '.git'));
    let result = rules;
    if (inRepository) for (const ancestor of ancestors.reverse()) result = await result.enter(ancestor);
    return result.enter(absolute);
  }

  /** The rules inside `folder` (absolute), a child of the folder these rules are for: these and its `.gitignore`, if any. */
  async enter(folder: string): Promise<IgnoreRules> {
    if (!this.options.ignore) return this;
    let text: string;
    try {
      text = await fs.readFile(path.join(folder, '.gitignore'), 'utf8');
    } catch {
      // No .gitignore (the usual case), or one that cannot be read: no rules from it.
      return this;
    }
    return new IgnoreRules(this.options, [...this.files, { folder, rules: ignore().add(text) }]);
  }

  /** Why the entry `name` at `full` (absolute) is passed over, or `undefined` when it is walked. */
  skips(full: string, name: string, isDirectory: boolean): SkipReason | undefined {
    if (this.options.ignore && ALWAYS_IGNORED.has(name)) return 'ignored';
    if (!this.options.hidden && name.startsWith('.')) return 'hidden';
    if (!this.options.ignore) return undefined;
    for (let i = this.files.length - 1; i >= 0; i--) {
      const file = this.files[i]!;
      const relative = path.relative(file.folder, full).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../')) continue;
      const result = file.rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) return 'ignored';
      if (result.unignored) return undefined;
    }
    return undefined;
  }
}

/** A glob pattern given as an input: the folder to walk, and which of its files (by path relative to it) match. */
export interface InputGlob {
  readonly base: string;
  readonly matches: (relative: string) => boolean;
}

/**
 * The glob an input argument names, or `undefined` when it is a plain path. An argument that
 * exists as a file or folder is taken literally before this is asked (a file may be named
 * `[draft].txt`). Hidden files match `*` only with `--hidden`, as in a shell.
 */
export function inputGlob(argument: string, options: Pick<FilterOptions, 'hidden'>): InputGlob | undefined {
  const scanned = picomatch.scan(argument);
  if (!scanned.isGlob) return undefined;
  const matcher = picomatch(scanned.glob, { dot: options.hidden });
  return { base: scanned.base === '' ? '.' : scanned.base, matches: (relative) => matcher(relative.split(path.sep).join('/')) };
}
