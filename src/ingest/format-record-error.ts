import type { RecordError } from './types.js';

/** `file:line: message`, the form editors and terminals link to. */
export function formatRecordError(error: RecordError): string {
  return error.line > 0 ? `${error.source}:${error.line}: ${error.message}` : `${error.source}: ${error.message}`;
}
