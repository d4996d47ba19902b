export { createSink } from './create-sink.js';
export type { Sink } from './create-sink.js';
export { jsonlLine, writeJsonl } from './write-jsonl.js';
export { writeGraphml } from './write-graphml.js';
export type { GraphmlOptions } from './write-graphml.js';
export { writeNeo4jCsv, neo4jAdminImportArgs, CSV_FILES, CSV_ARRAY_DELIMITER } from './write-neo4j-csv.js';
export const EXPORT_FORMATS = ['graphml', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
