// ESLint: typescript-eslint's strict rules, type-checked, over the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Indexed access is checked (`noUncheckedIndexedAccess`), and the code marks an index it
      // knows to be in range with `!` (`lines[line.index]!`): the alternative is a branch that
      // cannot run, or a cast.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages ("line found in 8 documents") are what templates are for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(line) => lines.push(line)` as a callback is clear; a block around it adds nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `for await (const _ of walk)` counts what it walks.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      // An async function that does not await still turns a throw into a rejection, which the
      // callers that chain its promise rely on (the executors, the output destinations).
      '@typescript-eslint/require-await': 'off',
      // Strings of single characters are spread into sets (`new Set([...'.!?'])`): code points are
      // what is meant, and no grapheme of several is among them.
      '@typescript-eslint/no-misused-spread': 'off',
      // Control characters are matched on purpose: binary input, names made safe to print, and
      // the colour codes the tests look for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, program: null, project: false }, globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
);
