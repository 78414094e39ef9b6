// The command as one set of bundled modules (dist/command/), built from tsc's output in dist/cli/.
// A run of the command starts by loading what it imports: from ~60 separate modules and packages
// (CommonJS ones translated for import one by one) that took a third of a short run's CPU time; as
// a few bundled files it takes a quarter less time per run. The library (dist/index.js) stays as
// tsc builds it. The worker threads are entries of their own, named as clean-document.ts and
// jsonl.ts find them (next to the module that starts them); each mode stays a chunk imported
// when it runs.
export default {
  input: {
    main: 'dist/cli/main.js',
    'document-worker': 'dist/cli/document-worker.js',
    'record-worker': 'dist/cli/record-worker.js',
  },
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: 'dist/command',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
  },
};
