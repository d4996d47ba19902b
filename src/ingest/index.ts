export type { PaperRecord, PaperInput, RecordError, ReadResult } from './types.js';
