/** A worker thread of a batch: cleans the bytes of one file per task (see `batch.ts`). */
import type { CleanOptions } from '../index.js';
import { cleanDocument, type CleanedDocument } from './clean-document.js';
import { serveTasks } from './pool.js';

serveTasks<Uint8Array, CleanedDocument, CleanOptions>(cleanDocument);
