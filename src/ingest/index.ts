export type { PaperRecord, PaperInput, RecordError, ReadResult } from './types.js';
export { paperIdFromTitle } from './paper-id-from-title.js';
export { isIsoDate } from './is-iso-date.js';
export {
  validatePaperInput,
  validatePaperInputs,
  validateLocatedInputs,
  isWellFormedText,
  PAPER_LIMITS,
} from './validate-paper-inputs.js';
export type { LocatedInput, ValidateOptions } from './validate-paper-inputs.js';
export { readPapers, readPaperSources, parsePapers } from './read-papers.js';
export type { ReadPapersOptions } from './read-papers.js';
export {
  streamPapers,
  streamPapersFromText,
  listInputFiles,
  formatFromPath,
  detectFormat,
  detectJsonFormat,
  INPUT_FORMATS,
  MAX_FILE_BYTES,
} from './stream-papers.js';
export type { InputFormat, PaperSource, PaperStreamEvent, StreamedPaper, StreamPapersOptions } from './stream-papers.js';
export { abstractFromInvertedIndex } from './map-source-record.js';
export { sourcePaperId } from './source-ids.js';
export { formatRecordError } from './format-record-error.js';
