#!/usr/bin/env node
// V8 inlines up to 920 bytes of bytecode into each function it optimises. The cleaners are many
// large functions, and compiling them with that much inlined, again after each deoptimisation, is
// most of what a process spends before it runs at full speed (on the corpora's first pass, about
// 590 compilations). Half of it, 460, measured in instructions (Valgrind, V8 compiling on the main
// thread): a first pass over an eighth of the corpora 14% fewer, later passes 5% fewer, the
// 100k-sentence document 2% fewer, a 5 MB line of sentences 4.6% fewer; a million one-character
// lines 2.4% more, the one shape measured that loses. Less costs long documents: 230 made the
// 100k-sentence document 1% dearer, 100 (tried once before, and reverted for it) 6%. The flag is
// set before the command's code is loaded (hence the dynamic import); worker threads share the
// process's flags. The library's `clean()` is left to the flags of the process that imports it.
//
// V8 also compiles each regular expression twice, to bytecode when first run and to machine code
// once it runs again; the cleaners' large Unicode patterns are costly to compile, and nearly all
// run many times. Compiled to machine code at once, a run of the command on one 6.6 KB file
// executes 13% fewer instructions (1.90 -> 1.65 G, about 10% less CPU), a pass over the corpora
// 1% fewer; what runs after the warm-up is the same code.
import v8 from 'node:v8';

v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');
v8.setFlagsFromString('--no-regexp-tier-up');
await import('../dist/command/main.js');
