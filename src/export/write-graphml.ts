import type { ExportedPaper, StoredConcept } from '../graph/index.js';
import type { Sink } from './create-sink.js';

export interface GraphmlOptions {
  /** Add undirected `COOCCURS` edges between concepts of the same paper, weighted by their number of papers. */
  cooccurrence?: boolean;
}

// Characters XML 1.0 forbids (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF) are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The attributes, as GraphML `<key>`s: Gephi shows `label`; `kind` tells papers from concepts. */
const KEYS: [id: string, target: 'node' | 'edge', type: 'string' | 'int' | 'double'][] = [
  ['label', 'node', 'string'],
  ['kind', 'node', 'string'],
  ['title', 'node', 'string'],
  ['abstract', 'node', 'string'],
  ['url', 'node', 'string'],
  ['published', 'node', 'string'],
  ['authors', 'node', 'string'],
  ['categories', 'node', 'string'],
  ['doi', 'node', 'string'],
  ['name', 'node', 'string'],
  ['type', 'node', 'string'],
  ['aliases', 'node', 'string'],
  ['broader', 'node', 'string'],
  ['paperCount', 'node', 'int'],
  ['label', 'edge', 'string'],
  ['role', 'edge', 'string'],
  ['confidence', 'edge', 'double'],
  ['mentions', 'edge', 'int'],
  ['count', 'edge', 'int'],
];

const keyId = (target: string, id: string) => (target === 'edge' ? `e_${id}` : id);

function data(key: string, value: string | number | null): string {
  return value === null || value === '' ? '' : `<data key="${key}">${typeof value === 'number' ? value : xml(value)}</data>`;
}

const conceptNode = (concept: StoredConcept) =>
  `<node id="c:${xml(concept.id)}">${data('label', concept.name)}${data('kind', 'Concept')}${data('name', concept.name)}` +
  `${data('type', concept.type)}${data('aliases', concept.aliases.join('; '))}${data('broader', concept.broader)}` +
  `${data('paperCount', concept.paperCount)}</node>\n`;

function paperElements({ paper, links }: ExportedPaper): string {
  let text =
    `<node id="p:${xml(paper.id)}">${data('label', paper.title)}${data('kind', 'Paper')}${data('title', paper.title)}` +
    `${data('abstract', paper.abstract)}${data('url', paper.url)}${data('published', paper.published)}` +
    `${data('authors', paper.authors.join('; '))}${data('categories', paper.categories.join(' '))}${data('doi', paper.doi)}</node>\n`;
  for (const { link } of links) {
    text +=
      `<edge source="p:${xml(paper.id)}" target="c:${xml(link.conceptId)}">${data('e_label', 'MENTIONS')}` +
      `${data('e_role', link.role)}${data('e_confidence', link.confidence)}${data('e_mentions', link.mentions.length)}</edge>\n`;
  }
  return text;
}

/**
 * GraphML that Gephi and Cytoscape open: concept nodes first, then each paper with its `MENTIONS` edges, as
 * the pages arrive. Co-occurrence edges are counted while the papers stream and written at the end; that count
 * is the one thing held in memory, one entry per pair of concepts that share a paper.
 */
export async function writeGraphml(
  concepts: AsyncIterable<StoredConcept[]>,
  papers: AsyncIterable<ExportedPaper[]>,
  sink: Sink,
  options: GraphmlOptions = {},
  onPapers: (count: number) => void = () => {},
): Promise<number> {
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      KEYS.map(([id, target, type]) => `<key id="${keyId(target, id)}" for="${target}" attr.name="${id}" attr.type="${type}"/>\n`).join('') +
      '<graph id="papergraph" edgedefault="directed">\n',
  );
  for await (const page of concepts) await sink.write(page.map(conceptNode).join(''));
  const pairs = new Map<string, number>();
  let count = 0;
  for await (const page of papers) {
    await sink.write(page.map(paperElements).join(''));
    if (options.cooccurrence) {
      for (const { links } of page) {
        const ids = links.map(({ link }) => link.conceptId).sort();
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < ids.length; j++) {
            const key = `${ids[i]!}\u0000${ids[j]!}`;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
        }
      }
    }
    count += page.length;
    onPapers(count);
  }
  let edges = '';
  for (const [key, n] of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    edges += `<edge source="c:${xml(a)}" target="c:${xml(b)}" directed="false">${data('e_label', 'COOCCURS')}${data('e_count', n)}</edge>\n`;
    if (edges.length > 1 << 16) {
      await sink.write(edges);
      edges = '';
    }
  }
  await sink.write(`${edges}</graph>\n</graphml>\n`);
  return count;
}
