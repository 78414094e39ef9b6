/** A worker thread of a batch: cleans the bytes of one file per task (see `batch.ts`). */
import { cleanDocument, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { withCountsTable } from './key-table.js';
import { serveTasks } from './pool.js';

serveTasks<Uint8Array, CleanedDocument, DocumentSettings>(cleanDocument, withCountsTable);
