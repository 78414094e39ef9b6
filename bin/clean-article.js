#!/usr/bin/env node
// V8 inlines up to 920 bytes of bytecode into each function it optimises; the cleaners are many
// large functions, and compiling them so cost a process 4-5 s of CPU before it ran at full speed.
// With 100 the first pass over the corpora takes 8.1 s of CPU, not 10.1, and later passes the
// same (5.5 s). The flag is set before the command's code is loaded (hence the dynamic import),
// and worker threads share the process's flags.
import v8 from 'node:v8';

v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
await import('../dist/command/main.js');
