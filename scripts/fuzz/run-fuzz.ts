/**
 * The fuzzer of `npm run fuzz` and of its short form in the test suite: hostile GraphQL documents and hostile
 * ingest records against a real papergraph HTTP server, from a fixed seed.
 *
 * Documents are valid queries mutated at random (cut, repeated, spliced with tokens, nested deep, odd variables);
 * whatever they are, the server must answer below 500, with only papergraph's error codes, never
 * INTERNAL_SERVER_ERROR, and keep answering. Records are papers built valid or invalid by construction, sent with
 * `ingestPapers` in batches: every valid one must be written and read back exactly as sent (no record lost or
 * changed, mention offsets slicing to their text), every invalid one reported by its index.
 */
import { startServer } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { seededRandom } from '../../bench/synthetic-corpus.js';

export interface FuzzOptions {
  store: GraphStore;
  seed: number;
  documents: number;
  records: number;
  /** Papers per `ingestPapers` call. Default 200. */
  batchSize?: number;
  /** Called now and then with a line of progress. */
  progress?: (line: string) => void;
}

export interface FuzzReport {
  documents: number;
  records: number;
  /** Answers with status 500 or more. */
  serverErrors: string[];
  /** Errors coded INTERNAL_SERVER_ERROR, or with a code papergraph does not use. */
  internalErrors: string[];
  /** Valid records that were refused or not found afterwards. */
  lost: string[];
  /** Valid records read back different from what was sent, or with mentions that do not slice to their text. */
  changed: string[];
  /** Invalid records that were written. */
  accepted: string[];
  /** Whether /health still answered at the end. */
  alive: boolean;
}

const API_KEY = 'fuzz-api-key-0123456789abcdef';
const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'GRAPH_UNAVAILABLE']);

type Random = ReturnType<typeof seededRandom>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number) => Math.floor(random() * max);

const BASE_QUERIES = [
  `{ stats { papers concepts mentions byType { type count } } }`,
  `query($q: String) { papers(first: 5, query: $q) { totalCount edges { cursor node { id title concepts { role concept { id name type } mentions { field start end text } } } } pageInfo { hasNextPage endCursor } } }`,
  `query($id: ID!) { paper(id: $id) { title related(first: 5, types: [METHOD, TASK], minShared: 1) { score paper { title } sharedConcepts { concept { name type } weight } } } }`,
  `query($n: String!) { conceptByName(name: $n) { id name aliases broader { name } narrower { name } related(first: 5) { count concept { name } } timeline(granularity: MONTH) { period count } papers(first: 3, after: "MA==") { nodes { id } } } }`,
  `{ topConcepts(type: METHOD, first: 5) { name paperCount } cooccurrence(rowType: METHOD, columnType: DATASET, first: 4) { rows { name } counts cells { count } } }`,
  `query($t: String!) { extract(text: $t, title: "A title") { concepts { name type aliases role confidence mentions { start end text } } codeLinks } }`,
  `{ concepts(first: 3, type: TASK, query: "att") { totalCount nodes { id name } } }`,
  `mutation($id: ID!) { deletePaper(id: $id) }`,
  `query Named { __schema { queryType { name } } } query Other { __typename }`,
];

const TOKENS = [
  '{', '}', '(', ')', '[', ']', ':', '$', '$q', '...', '... on Paper { id }', '@skip(if: true)', '@include(if: $x)',
  '__typename', 'first: -1', 'first: 101', 'first: 99999999999', 'first: "5"', 'after: "!!"', 'query: null',
  '"\\uD800"', '"\\u0000"', '"""block"""', '#comment\n', ',', '=', '!', 'fragment F on Paper { id }', '...F',
  'a: stats { papers }', 'subscription { x }', 'mutation { ingestPapers(papers: []) { ingested } }', '1.5e400',
  'null', 'true', 'ÄÖÜ', '😀', '\u200b', 'types: [NOPE]', 'granularity: WEEK',
];

function mutateDocument(random: Random, source: string): string {
  let doc = source;
  const operations = 1 + int(random, 4);
  for (let i = 0; i < operations; i++) {
    const at = int(random, doc.length + 1);
    switch (int(random, 7)) {
      case 0:
        doc = doc.slice(0, at) + doc.slice(at + 1 + int(random, 20));
        break;
      case 1:
        doc = doc.slice(0, at) + pick(random, TOKENS) + doc.slice(at);
        break;
      case 2: {
        const length = 1 + int(random, 40);
        doc = doc.slice(0, at) + doc.slice(at, at + length).repeat(2 + int(random, 30)) + doc.slice(at);
        break;
      }
      case 3: {
        const open = pick(random, ['[', '{', '(', '{ a: paper(id: "x") ']);
        doc = doc.slice(0, at) + open.repeat(1 + int(random, 20_000)) + doc.slice(at);
        break;
      }
      case 4:
        doc = doc.slice(0, at) + ` a${int(random, 100)}: stats { papers } `.repeat(1 + int(random, 40)) + doc.slice(at);
        break;
      case 5:
        doc = doc.slice(0, at);
        break;
      default:
        doc = doc.slice(0, at) + String.fromCharCode(int(random, 0x10000)) + doc.slice(at);
    }
  }
  return doc;
}

function fuzzVariables(random: Random): unknown {
  const values: unknown[] = [
    'attention', '', null, 5, -1, 1e308, true, [], {}, [null], 'x'.repeat(30_000), '\uD800', 'method:transformer',
    'syn-0000001', Array.from({ length: 60 }, () => null), JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)) as unknown,
  ];
  if (random() < 0.1) return pick(random, [null, 'string', 42, []]);
  const variables: Record<string, unknown> = {};
  for (const name of ['q', 'id', 'n', 't', 'x', 'papers']) if (random() < 0.6) variables[name] = pick(random, values);
  return variables;
}

// ---------------------------------------------------------------- records

const WORDS = ['attention', 'Transformer', 'ImageNet', 'BLEU', 'we propose', 'FlashAttention-2', 'LRA', 'sparse', 'model', 'dataset'];
const ODD = ['😀', 'é', 'e\u0301', '\u200b', '\u202e', 'שלום', '中文', '\t', '\r\n', '\n', '"', '\\', '<script>', "'", '  ', '\u00a0', '\uFEFF', '𝔘𝔫𝔦', '\u0000', '%s'];

function text(random: Random, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(random() < 0.2 ? pick(random, ODD) : pick(random, WORDS));
  return parts.join(random() < 0.5 ? ' ' : pick(random, [' ', '. ', ', ', ' (', ') ']));
}

interface FuzzRecord {
  value: unknown;
  valid: boolean;
  /** The id under which a valid record is stored. */
  id?: string;
}

/** `value` cut to at most `max` UTF-16 units without splitting a surrogate pair (which would make it invalid). */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function validRecord(random: Random, n: number): FuzzRecord {
  const id = `fuzz-${n}-${int(random, 1e9)}`;
  let title = clip(`${n} ${text(random, 1 + int(random, 12))}`, 1_000);
  let abstract = text(random, 1 + int(random, random() < 0.05 ? 3_000 : 80));
  if (random() < 0.02) title = `${n} ${'T'.repeat(1_000 - String(n).length - 1)}`;
  if (random() < 0.02) abstract = clip(`${abstract} ${'x '.repeat(10_000)}`, 20_000);
  abstract = clip(abstract, 20_000);
  if (abstract.trim() === '') abstract = 'A.';
  const paper: Record<string, unknown> = { id, title, abstract };
  if (random() < 0.5) paper['url'] = `https://example.org/${encodeURIComponent(text(random, 2))}`;
  if (random() < 0.5) paper['published'] = pick(random, ['2024-02-29', '1999-12-31', '2021-01-01T10:00:00Z', '2023-06-15T23:59:59+02:00']);
  if (random() < 0.5) paper['authors'] = Array.from({ length: int(random, 5) }, () => `${pick(random, ODD)}${pick(random, WORDS)}`);
  if (random() < 0.1) delete paper['id'];
  return { value: paper, valid: true, ...(paper['id'] === undefined ? {} : { id }) };
}

function invalidRecord(random: Random, n: number): FuzzRecord {
  const good = validRecord(random, n).value as Record<string, unknown>;
  const broken: Record<string, unknown> = { ...good, id: `fuzz-bad-${n}` };
  switch (int(random, 12)) {
    case 0: delete broken['title']; break;
    case 1: broken['title'] = '   '; break;
    case 2: broken['abstract'] = null; break;
    case 3: broken['abstract'] = 'a'.repeat(20_001); break;
    case 4: broken['title'] = `bad \uD800 surrogate ${n}`; break;
    case 5: broken['published'] = pick(random, ['2023-02-30', 'yesterday', '20240101', '2024-13-01']); break;
    case 6: broken['url'] = pick(random, ['javascript:alert(1)', 'ftp://x', 'http://', 'not a url']); break;
    case 7: broken['authors'] = ['ok', null]; break;
    case 8: broken['id'] = pick(random, ['', ' ', '../etc', 'x'.repeat(201), 'a b']); break;
    case 9: return { value: null, valid: false };
    case 10: broken['title'] = 'T'.repeat(1_001); break;
    default: broken['authors'] = ['a'.repeat(301)];
  }
  return { value: broken, valid: false };
}

// ---------------------------------------------------------------- run

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { store } = options;
  const random = seededRandom(options.seed);
  const batchSize = options.batchSize ?? 200;
  const report: FuzzReport = {
    documents: 0,
    records: 0,
    serverErrors: [],
    internalErrors: [],
    lost: [],
    changed: [],
    accepted: [],
    alive: false,
  };
  const server = await startServer({
    config: { port: 0, host: '127.0.0.1', apiKey: API_KEY, corsOrigins: [] },
    store,
    logger: createSilentLogger(),
  });
  const post = async (body: unknown, label: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 500) report.serverErrors.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
    let parsed: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      report.serverErrors.push(`${label}: not JSON: ${text.slice(0, 200)}`);
    }
    for (const error of parsed.errors ?? []) {
      const code = error.extensions?.code ?? '(none)';
      if (!CODES.has(code)) report.internalErrors.push(`${label}: ${code} ${error.message.slice(0, 160)}`);
    }
    return parsed;
  };

  try {
    for (let i = 0; i < options.documents; i++) {
      const query = random() < 0.05 ? pick(random, BASE_QUERIES) : mutateDocument(random, pick(random, BASE_QUERIES));
      const body: Record<string, unknown> = { query, variables: fuzzVariables(random) };
      if (random() < 0.1) body['operationName'] = pick(random, ['Named', 'Nope', '', 42]);
      if (random() < 0.03) body['extensions'] = { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } };
      await post(body, `document ${i}`);
      report.documents++;
      if (i % 1000 === 999) options.progress?.(`${i + 1} documents`);
    }

    const ingest = `mutation($papers: [PaperInput]!) { ingestPapers(papers: $papers) { ingested errors { index message } } }`;
    const sentValid = new Map<string, Record<string, unknown>>();
    for (let start = 0; start < options.records; start += batchSize) {
      const batch: FuzzRecord[] = [];
      for (let n = start; n < Math.min(options.records, start + batchSize); n++) {
        batch.push(random() < 0.7 ? validRecord(random, n) : invalidRecord(random, n));
      }
      const answer = await post({ query: ingest, variables: { papers: batch.map((r) => r.value) } }, `records ${start}…`);
      const result = (answer.data as { ingestPapers?: { errors: { index: number; message: string }[] } } | null)?.ingestPapers;
      const refused = new Map((result?.errors ?? []).map((e) => [e.index, e.message]));
      batch.forEach((record, index) => {
        const label = `record ${start + index}`;
        if (record.valid && refused.has(index)) report.lost.push(`${label}: refused: ${refused.get(index)}`);
        if (!record.valid && !refused.has(index)) report.accepted.push(`${label}: ${JSON.stringify(record.value).slice(0, 120)}`);
        if (record.valid && record.id !== undefined && !refused.has(index)) sentValid.set(record.id, record.value as Record<string, unknown>);
      });
      report.records += batch.length;
      if (start % 2000 === 0) options.progress?.(`${start + batch.length} records`);
    }

    // Read every valid record back through the store, and a sample with its mentions through GraphQL.
    const ids = [...sentValid.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const stored = await store.getPapers(chunk);
      chunk.forEach((id, k) => {
        const sent = sentValid.get(id) as Record<string, unknown>;
        const got = stored[k];
        if (got == null) {
          report.lost.push(`${id}: not found`);
          return;
        }
        const expected = {
          title: sent['title'],
          abstract: sent['abstract'],
          url: sent['url'] ?? null,
          published: typeof sent['published'] === 'string' ? sent['published'].slice(0, 10) : null,
          authors: sent['authors'] ?? [],
        };
        const actual = { title: got.title, abstract: got.abstract, url: got.url, published: got.published, authors: got.authors };
        if (JSON.stringify(actual) !== JSON.stringify(expected)) report.changed.push(`${id}: ${JSON.stringify(actual).slice(0, 160)}`);
      });
    }
    const sample = ids.filter((_, i) => i % 50 === 0);
    for (const id of sample) {
      const answer = await post(
        { query: `query($id: ID!) { paper(id: $id) { title abstract concepts { mentions { field start end text } } } }`, variables: { id } },
        `mentions of ${id}`,
      );
      const paper = (answer.data as { paper?: { title: string; abstract: string; concepts: { mentions: { field: 'title' | 'abstract'; start: number; end: number; text: string }[] }[] } } | null)?.paper;
      for (const mention of paper?.concepts.flatMap((c) => c.mentions) ?? []) {
        if (paper?.[mention.field].slice(mention.start, mention.end) !== mention.text) {
          report.changed.push(`${id}: mention ${JSON.stringify(mention)} does not slice to its text`);
        }
      }
    }
    report.alive = await fetch(server.url.replace(/\/graphql$/, '/health')).then((r) => r.ok, () => false);
  } finally {
    await server.close();
  }
  return report;
}

/** One line per figure, and the first few problems of each kind. */
export function formatFuzzReport(name: string, report: FuzzReport): string {
  const lines = [
    `${name}: ${report.documents} documents, ${report.records} records; 5xx ${report.serverErrors.length}, ` +
      `internal/unknown codes ${report.internalErrors.length}, lost ${report.lost.length}, changed ${report.changed.length}, ` +
      `invalid accepted ${report.accepted.length}, alive ${report.alive}`,
  ];
  for (const [kind, items] of Object.entries({
    '5xx': report.serverErrors,
    internal: report.internalErrors,
    lost: report.lost,
    changed: report.changed,
    accepted: report.accepted,
  })) {
    for (const item of items.slice(0, 5)) lines.push(`  ${kind}: ${item}`);
  }
  return lines.join('\n');
}
