export type { PaperRecord, PaperInput, RecordError, ReadResult } from './types.js';
export { paperIdFromTitle } from './paper-id-from-title.js';
export { isIsoDate } from './is-iso-date.js';
export { validatePaperInputs, validateLocatedInputs, PAPER_LIMITS } from './validate-paper-inputs.js';
export type { LocatedInput, ValidateOptions } from './validate-paper-inputs.js';
export {
  readPapers,
  readPaperSources,
  parsePapers,
  formatFromPath,
  INPUT_FORMATS,
  MAX_FILE_BYTES,
} from './read-papers.js';
export type { InputFormat, ReadPapersOptions } from './read-papers.js';
export { formatRecordError } from './format-record-error.js';
