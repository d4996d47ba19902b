import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { conceptKeys, paperSearchText, type ExportedPaper, type StoredConcept } from '../graph/index.js';
import { createSink, type Sink } from './create-sink.js';

/**
 * Separates array elements inside a field. A control character no paper text needs, so no element has to be
 * escaped; `neo4j-admin` is told with `--array-delimiter=U+001F`.
 */
export const CSV_ARRAY_DELIMITER = '\u001f';

/** The files, in the order `neo4j-admin database import full` takes them, with their headers. */
export const CSV_FILES = {
  papers: {
    file: 'papers.csv',
    header: 'id:ID(Paper),:LABEL,title,abstract,url,doi,published:date,authors:string[],categories:string[],codeLinks:string[],searchText',
  },
  concepts: { file: 'concepts.csv', header: 'id:ID(Concept),:LABEL,name,type,aliases:string[],broader' },
  conceptKeys: { file: 'concept-keys.csv', header: 'key:ID(ConceptKey),:LABEL' },
  mentions: {
    file: 'mentions.csv',
    header:
      ':START_ID(Paper),:END_ID(Concept),:TYPE,role,confidence:double,evidence,mentionFields:string[],mentionStarts:long[],mentionEnds:long[],mentionTexts:string[]',
  },
  names: { file: 'names.csv', header: ':START_ID(ConceptKey),:END_ID(Concept),:TYPE' },
  /** One node that tells papergraph, at its next start, to complete the import (see `completeBulkImport`). */
  marker: { file: 'import-marker.csv', header: 'id:ID(PapergraphImport),:LABEL' },
} as const;

/** The `neo4j-admin` command line that imports a directory written by `writeNeo4jCsv`. */
export function neo4jAdminImportArgs(dir: string, database = 'neo4j'): string[] {
  const file = (name: keyof typeof CSV_FILES) => join(dir, CSV_FILES[name].file);
  return [
    'database',
    'import',
    'full',
    `--nodes=${file('papers')}`,
    `--nodes=${file('concepts')}`,
    `--nodes=${file('conceptKeys')}`,
    `--nodes=${file('marker')}`,
    `--relationships=${file('mentions')}`,
    `--relationships=${file('names')}`,
    `--array-delimiter=U+001F`,
    '--multiline-fields=true',
    '--overwrite-destination=true',
    database,
  ];
}

/**
 * A string field, always quoted (RFC 4180: inner quotes doubled), so commas, quotes and line breaks are data.
 * An empty array is written as an empty quoted field, which `neo4j-admin` reads as an empty array; null is an
 * empty unquoted field, which it reads as no property, as the stores keep a null.
 */
function str(value: string | null): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`;
}

function arr(values: readonly (string | number)[]): string {
  for (const value of values) {
    if (typeof value === 'string' && value.includes(CSV_ARRAY_DELIMITER)) {
      throw new Error(`cannot export ${JSON.stringify(value)} as CSV: it contains U+001F, the array delimiter`);
    }
  }
  return str(values.join(CSV_ARRAY_DELIMITER));
}

function paperRow({ paper }: ExportedPaper): string {
  return [
    str(paper.id),
    'Paper',
    str(paper.title),
    str(paper.abstract),
    str(paper.url),
    str(paper.doi),
    paper.published ?? '',
    arr(paper.authors),
    arr(paper.categories),
    arr(paper.codeLinks),
    str(paperSearchText(paper.title, paper.abstract)),
  ].join(',');
}

function mentionRows({ paper, links }: ExportedPaper): string {
  return links
    .map(({ link }) =>
      [
        str(paper.id),
        str(link.conceptId),
        'MENTIONS',
        str(link.role),
        String(link.confidence),
        str(link.evidence),
        arr(link.mentions.map((m) => m.field)),
        arr(link.mentions.map((m) => m.start)),
        arr(link.mentions.map((m) => m.end)),
        arr(link.mentions.map((m) => m.text)),
      ].join(',') + '\n',
    )
    .join('');
}

const conceptRow = (concept: StoredConcept) =>
  [str(concept.id), 'Concept', str(concept.name), str(concept.type), arr(concept.aliases), str(concept.broader)].join(',');

/**
 * The graph as CSV files in the layout of `neo4j-admin database import` (`:ID`/`:LABEL` node files,
 * `:START_ID`/`:END_ID`/`:TYPE` relationship files, one id space per label), with exactly the properties the
 * Neo4j store writes, so that a database imported from them answers as one built by `papergraph ingest`
 * (papergraph creates its indexes at start, and then gives empty lists, which `neo4j-admin` cannot write, their
 * property). Holds the set of concept-name keys in memory (one per name and
 * alias), nothing per paper.
 */
export async function writeNeo4jCsv(
  concepts: AsyncIterable<StoredConcept[]>,
  papers: AsyncIterable<ExportedPaper[]>,
  dir: string,
  onPapers: (count: number) => void = () => {},
): Promise<number> {
  await mkdir(dir, { recursive: true });
  const streams = Object.fromEntries(
    Object.entries(CSV_FILES).map(([name, { file }]) => [name, createWriteStream(join(dir, file))]),
  ) as Record<keyof typeof CSV_FILES, WriteStream>;
  const sinks = Object.fromEntries(Object.entries(streams).map(([name, stream]) => [name, createSink(stream)])) as Record<
    keyof typeof CSV_FILES,
    Sink
  >;
  try {
    for (const [name, { header }] of Object.entries(CSV_FILES)) await sinks[name as keyof typeof CSV_FILES].write(`${header}\n`);
    await sinks.marker.write('"csv",PapergraphImport\n');
    const keys = new Set<string>();
    for await (const page of concepts) {
      await sinks.concepts.write(page.map((concept) => `${conceptRow(concept)}\n`).join(''));
      let keyRows = '';
      let nameRows = '';
      for (const concept of page) {
        for (const key of conceptKeys(concept)) {
          if (!keys.has(key)) {
            keys.add(key);
            keyRows += `${str(key)},ConceptKey\n`;
          }
          nameRows += `${str(key)},${str(concept.id)},NAMES\n`;
        }
      }
      await sinks.conceptKeys.write(keyRows);
      await sinks.names.write(nameRows);
    }
    let count = 0;
    for await (const page of papers) {
      await sinks.papers.write(page.map((paper) => `${paperRow(paper)}\n`).join(''));
      await sinks.mentions.write(page.map(mentionRows).join(''));
      count += page.length;
      onPapers(count);
    }
    return count;
  } finally {
    await Promise.all(
      Object.values(streams).map(async (stream) => {
        stream.end();
        await finished(stream);
      }),
    );
  }
}
