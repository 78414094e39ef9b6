/**
 * `--diff`: what cleaning would change in a file, as a unified diff (jsdiff, the diff library
 * behind many tools), coloured like git's when colour is on. Part of the lowest floor.
 */
import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** Lines of context around each change, as `diff -u` and git show. */
const CONTEXT = 3;

/** The unified diff from `before` to `after` of the file `name`, each line coloured by its kind. */
export function unifiedDiff(name: string, before: string, after: string, color: ChalkInstance): string {
  const patch = createTwoFilesPatch(name, name, before, after, '', '(cleaned)', { context: CONTEXT, headerOptions: FILE_HEADERS_ONLY });
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return color.bold(line);
      if (line.startsWith('@@')) return color.cyan(line);
      if (line.startsWith('-')) return color.red(line);
      if (line.startsWith('+')) return color.green(line);
      return line;
    })
    .join('\n');
}
