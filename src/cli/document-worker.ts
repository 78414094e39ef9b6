/** A worker thread of a batch: cleans the bytes of one file per task (see `batch.ts`). */
import { cleanDocument, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { serveTasks } from './pool.js';

serveTasks<Uint8Array, CleanedDocument, DocumentSettings>(cleanDocument);
