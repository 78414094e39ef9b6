// The scripts' seeded random numbers: the same seed always gives the same synthetic corpus. One
// generator for the command and the scripts: the built `src/cli/random.ts` (run `npm run build` first).
export { seededRandom as mulberry32 } from '../dist/cli/random.js';
