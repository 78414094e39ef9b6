/** A worker thread of a JSONL run: cleans one chunk of records per task (see `jsonl.ts`). */
import { cleanRecords, type CleanedRecords, type RecordSettings } from './records.js';
import { withCountsTable } from './key-table.js';
import { serveTasks } from './pool.js';

serveTasks<Uint8Array, CleanedRecords, RecordSettings>(cleanRecords, withCountsTable);
