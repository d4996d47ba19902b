/**
 * A deterministic synthetic corpus for scale benchmarks: papers recombined from the seed abstracts, each with
 * pre-computed concepts (no NLP), so 100k papers load in minutes through a store's own write path.
 *
 * Shape (the one issue 10 measured on): concept names drawn from Zipf distributions per type, so at 100k papers
 * about 36k concepts, 1.16M paper–concept links and 16 concepts in more than 10k papers. Paper `i` depends only
 * on `i` and the seed, so a corpus of 1k papers is the first 1k papers of the corpus of 100k, and any slice can
 * be generated on its own (in chunks, without holding the whole corpus).
 *
 *   npm run bench:corpus -- --papers N [--store neo4j|memory] [--out file.jsonl] [--clear] [--seed 1]
 *
 * `--out` writes JSON Lines papers (title, abstract, …, no concepts) for ingest benchmarks; `--store memory`
 * loads the embedded store and prints its heap; `--store neo4j` writes to NEO4J_URI (default the local server of
 * `npm run neo4j:start`, bolt://127.0.0.1:7687) and refuses a non-empty database unless `--clear` is given.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../src/config/index.js';
import { createSilentLogger, loadConfig } from '../src/config/index.js';
import { createMemoryStore, createNeo4jStore } from '../src/graph/index.js';
import type { AnalyzedPaper, GraphStore } from '../src/graph/index.js';
import { readPapers } from '../src/ingest/index.js';
import type { PaperRecord } from '../src/ingest/index.js';
import { canonicalKey } from '../src/nlp/index.js';
import type { ConceptType, ExtractedConcept, Mention } from '../src/nlp/index.js';
import { cliArg } from '../scripts/cli-arg.js';

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, seeded; each paper gets its own stream so papers can be generated in any order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const paperSeed = (corpusSeed: number, i: number) => Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(corpusSeed, 0x85ebca6b);

/**
 * Inverse-CDF sampler of ranks: a head of `head.size` ranks drawn with probability `head.share`, Zipf-like
 * within it (P(r) ∝ 1 / (r + offset)^exponent), and a long tail after it, flatter. One Zipf law cannot give both
 * the measured middle (about 270 concepts in 1–10% of papers at 100k) and the measured vocabulary (36k).
 */
interface RankLaw {
  size: number;
  exponent: number;
  offset: number;
}

function sampler(head: RankLaw & { share: number }, tail: RankLaw): (u: number) => number {
  const cdf = new Float64Array(head.size + tail.size);
  const mass = (law: RankLaw) => {
    let sum = 0;
    for (let r = 0; r < law.size; r++) sum += 1 / (r + law.offset) ** law.exponent;
    return sum;
  };
  const headMass = mass(head);
  const tailMass = mass(tail);
  let sum = 0;
  for (let r = 0; r < head.size; r++) cdf[r] = sum += head.share / (r + head.offset) ** head.exponent / headMass;
  for (let r = 0; r < tail.size; r++) cdf[head.size + r] = sum += (1 - head.share) / (r + tail.offset) ** tail.exponent / tailMass;
  const last = cdf.length - 1;
  return (u) => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------- vocabulary

const METHOD_HEADS = [
  'Flash', 'Sparse', 'Linear', 'Retro', 'Hyper', 'Graph', 'Vision', 'Token', 'Deep', 'Neural', 'Quant', 'Mix',
  'Cross', 'Meta', 'Dyna', 'Swift', 'Lite', 'Mamba', 'Hydra', 'Echo', 'Prism', 'Orbit', 'Nova', 'Pulse', 'Astra',
  'Lumen', 'Vector', 'Stream', 'Fusion', 'Cascade', 'Delta', 'Sigma', 'Tensor', 'Kernel', 'Latent', 'Causal',
  'Spectral', 'Routed', 'Gated', 'Tiled',
] as const;
const METHOD_TAILS = [
  'Former', 'Net', 'Attn', 'GPT', 'BERT', 'Mixer', 'Diff', 'Flow', 'GAN', 'RNN', 'LM', 'Seg', 'Det', 'Rank',
  'Match', 'Conv', 'Path', 'Cache', 'Prompt', 'Tune', 'Distill', 'Adapter', 'Router', 'Encoder', 'Decoder', 'Mem',
  'Search', 'Planner', 'Agent', 'Sampler',
] as const;
const TASK_QUALIFIERS = [
  'open-domain', 'multilingual', 'long-context', 'few-shot', 'zero-shot', 'visual', 'tabular', 'temporal',
  'causal', 'structured', 'conversational', 'cross-lingual', 'multimodal', 'low-resource', 'streaming',
  'interactive', 'fine-grained', 'hierarchical', 'unsupervised', 'weakly supervised', 'document-level',
  'real-time', 'compositional', 'embodied', 'federated', 'continual', 'robust', 'efficient', 'scientific', 'medical',
] as const;
const TASK_HEADS = [
  'question answering', 'summarization', 'text classification', 'image segmentation', 'retrieval',
  'code generation', 'machine translation', 'object detection', 'reasoning', 'time series forecasting',
  'speech recognition', 'entity linking', 'relation extraction', 'image captioning', 'language modeling',
  'recommendation', 'anomaly detection', 'pose estimation', 'depth estimation', 'video understanding',
  'dialogue generation', 'semantic parsing', 'program synthesis', 'fact verification', 'image generation',
] as const;
const TASK_DOMAINS = [
  'biomedicine', 'law', 'finance', 'robotics', 'education', 'chemistry', 'climate', 'software', 'news', 'retail',
  'genomics', 'astronomy', 'agriculture', 'manufacturing', 'cybersecurity', 'transportation', 'energy',
  'social media', 'e-commerce', 'healthcare', 'mathematics', 'physics', 'music', 'sports', 'geography',
  'linguistics', 'history', 'art', 'gaming', 'aviation', 'maritime', 'mining', 'insurance', 'telecom', 'tourism',
  'public policy', 'archaeology', 'oceanography', 'neuroscience', 'materials',
] as const;
const DATASET_HEADS = [
  'Wiki', 'Image', 'Code', 'Math', 'Med', 'Law', 'News', 'Speech', 'Video', 'Chem', 'Bio', 'Web', 'Book', 'Chat',
  'Table', 'Scene', 'Robo', 'Geo', 'Fin', 'Sci', 'Story', 'Recipe', 'Sketch', 'Audio', 'Patent', 'Clinic',
  'Street', 'Sky', 'Ocean', 'Forum',
] as const;
const DATASET_TAILS = [
  'QA', 'Bench', 'Text', 'Corpus', 'Sum', 'NLI', 'Caps', 'Pairs', 'Eval', 'Set', 'Hub', 'Arena', 'Dialog',
  'Vision', 'Graph', 'Logic', 'Instruct', 'Trace', 'Mix', 'Pile',
] as const;
const METRICS = [
  'accuracy', 'F1 score', 'BLEU', 'ROUGE-L', 'perplexity', 'exact match', 'mean average precision', 'recall',
  'precision', 'AUC', 'mIoU', 'FID', 'word error rate', 'top-1 accuracy', 'top-5 accuracy', 'NDCG', 'MRR',
  'CIDEr', 'METEOR', 'BERTScore', 'pass rate', 'latency', 'throughput', 'calibration error', 'Spearman correlation',
  'mean absolute error', 'root mean squared error', 'Inception Score', 'SSIM', 'PSNR', 'character error rate',
  'win rate', 'hit rate', 'coverage', 'log-likelihood', 'bits per byte', 'success rate', 'energy consumption',
  'memory footprint', 'speedup',
] as const;

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

interface ConceptSpec {
  name: string;
  type: ConceptType;
  aliases: string[];
  broaderName: string | null;
}

/** The concept of rank `r` of a type; ranks past the base combinations get version numbers or domains. */
function conceptSpec(type: ConceptType, r: number): ConceptSpec {
  switch (type) {
    case 'METHOD': {
      const base = METHOD_HEADS.length * METHOD_TAILS.length;
      const name = `${at(METHOD_HEADS, r)}${at(METHOD_TAILS, Math.floor(r / METHOD_HEADS.length))}`;
      if (r < base) return { name, type, aliases: [], broaderName: null };
      return { name: `${name}-${Math.floor(r / base) + 1}`, type, aliases: [], broaderName: name };
    }
    case 'TASK': {
      const base = TASK_QUALIFIERS.length * TASK_HEADS.length;
      const name = `${at(TASK_QUALIFIERS, Math.floor(r / TASK_HEADS.length))} ${at(TASK_HEADS, r)}`;
      if (r < TASK_HEADS.length) return { name: at(TASK_HEADS, r), type, aliases: [], broaderName: null };
      if (r < base) return { name, type, aliases: [], broaderName: at(TASK_HEADS, r) };
      return { name: `${name} for ${at(TASK_DOMAINS, Math.floor(r / base) - 1)}`, type, aliases: [], broaderName: name };
    }
    case 'DATASET': {
      const base = DATASET_HEADS.length * DATASET_TAILS.length;
      const name = `${at(DATASET_HEADS, r)}${at(DATASET_TAILS, Math.floor(r / DATASET_HEADS.length))}`;
      const full = r < base ? name : `${name}-${Math.floor(r / base) + 1}`;
      // Every third dataset is also written "<name> dataset", so name lookups have aliases to resolve.
      return { name: full, type, aliases: r % 3 === 0 ? [`${full} dataset`] : [], broaderName: null };
    }
    case 'METRIC': {
      if (r < METRICS.length) return { name: at(METRICS, r), type, aliases: [], broaderName: null };
      return { name: `${at(METRICS, r)}@${Math.floor(r / METRICS.length) + 1}`, type, aliases: [], broaderName: at(METRICS, r) };
    }
  }
}

const idOf = (type: ConceptType, name: string) => `${type.toLowerCase()}:${canonicalKey(name)}`;

/**
 * Per type: the rank law and the mean number of concepts a paper draws. Calibrated (expected values, checked
 * with `npm run bench:corpus -- --papers 100000`) so that 100k papers give ~36k concepts, ~1.16M paper–concept
 * links, ~16 concepts in more than 10k papers and ~250 in 1k–10k.
 */
const TYPE_DRAWS: readonly { type: ConceptType; head: RankLaw & { share: number }; tail: RankLaw; draws: number; min: number }[] = [
  { type: 'METHOD', head: { size: 180, exponent: 0.9, offset: 2, share: 0.78 }, tail: { size: 20_000, exponent: 0.6, offset: 1 }, draws: 5.2, min: 3 },
  { type: 'TASK', head: { size: 70, exponent: 0.9, offset: 2, share: 0.78 }, tail: { size: 6_000, exponent: 0.6, offset: 1 }, draws: 2.6, min: 1 },
  { type: 'DATASET', head: { size: 90, exponent: 0.9, offset: 2, share: 0.78 }, tail: { size: 9_000, exponent: 0.6, offset: 1 }, draws: 2.6, min: 1 },
  { type: 'METRIC', head: { size: 30, exponent: 1, offset: 1, share: 0.9 }, tail: { size: 1_500, exponent: 0.6, offset: 1 }, draws: 1.6, min: 1 },
];

// ---------------------------------------------------------------- seed text

const FIRST_NAMES = ['Ana', 'Wei', 'Lars', 'Priya', 'Omar', 'Yuki', 'Mateo', 'Chloe', 'Ivan', 'Zara', 'Kofi', 'Mei'] as const;
const LAST_NAMES = ['Silva', 'Chen', 'Berg', 'Patel', 'Haddad', 'Sato', 'Garcia', 'Martin', 'Petrov', 'Khan', 'Mensah', 'Li', 'Novak', 'Okafor'] as const;

interface SeedText {
  titles: string[];
  sentences: string[];
}

async function loadSeedText(): Promise<SeedText> {
  const path = fileURLToPath(new URL('../seeds/trending-attention-papers.txt', import.meta.url));
  const { papers } = await readPapers(path, { format: 'page' });
  const sentences = papers
    .flatMap((p) => p.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 40 && s.length <= 320);
  const titles = papers.map((p) => (p.title.includes(':') ? p.title.slice(p.title.indexOf(':') + 1).trim() : p.title));
  if (sentences.length === 0 || titles.length === 0) throw new Error('no seed text to recombine');
  return { titles, sentences };
}

// ---------------------------------------------------------------- corpus

export interface SyntheticCorpusOptions {
  /** Number of papers. */
  papers: number;
  /** Corpus seed. Default 1. */
  seed?: number;
}

export interface SyntheticCorpus {
  readonly size: number;
  /** Paper `i` (0-based): its id is `syn-` and `i` zero-padded to 7 digits. */
  paper(i: number): AnalyzedPaper;
  /** Papers `start..end-1` (end clipped to the size) in order. */
  slice(start: number, end: number): AnalyzedPaper[];
  /** Consecutive slices of `size` papers. */
  batches(size: number): Generator<AnalyzedPaper[]>;
}

export const syntheticPaperId = (i: number) => `syn-${String(i).padStart(7, '0')}`;

/** Builds the generator (reads the seed text once); papers are made on demand. */
export async function createSyntheticCorpus(options: SyntheticCorpusOptions): Promise<SyntheticCorpus> {
  const size = Math.max(0, Math.floor(options.papers));
  const corpusSeed = options.seed ?? 1;
  const text = await loadSeedText();
  const samplers = TYPE_DRAWS.map((d) => ({ ...d, sample: sampler(d.head, d.tail) }));
  const specCache = new Map<string, { spec: ConceptSpec; id: string; broader: string | null }>();
  const concept = (type: ConceptType, r: number) => {
    const key = `${type}${r}`;
    let entry = specCache.get(key);
    if (entry === undefined) {
      const spec = conceptSpec(type, r);
      entry = { spec, id: idOf(type, spec.name), broader: spec.broaderName === null ? null : idOf(type, spec.broaderName) };
      // Only the head of the distribution repeats often enough to be worth keeping.
      if (specCache.size < 200_000) specCache.set(key, entry);
    }
    return entry;
  };

  function paper(i: number): AnalyzedPaper {
    const rand = seededRandom(paperSeed(corpusSeed, i));
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const chosen = new Map<string, { type: ConceptType; spec: ConceptSpec; id: string; broader: string | null }>();
    for (const d of samplers) {
      // min + an integer uniform on 0..⌊2·(draws − min) + 0.4⌋: mean close to `draws`.
      const draws = d.min + Math.floor(rand() * (2 * (d.draws - d.min) + 1));
      for (let k = 0; k < draws; k++) {
        const c = concept(d.type, d.sample(rand()));
        if (!chosen.has(c.id)) chosen.set(c.id, { type: d.type, ...c });
      }
    }
    const byType = (type: ConceptType) => [...chosen.values()].filter((c) => c.type === type);
    const methods = byType('METHOD');
    const tasks = byType('TASK');
    const datasets = byType('DATASET');
    const metrics = byType('METRIC');
    const proposed = methods[0];

    const mentions = new Map<string, Mention[]>();
    const evidence = new Map<string, string>();
    const mention = (id: string, field: 'title' | 'abstract', start: number, name: string) => {
      const list = mentions.get(id) ?? [];
      list.push({ field, start, end: start + name.length, text: name });
      mentions.set(id, list);
    };

    // Title: the proposed method's name, then a recombined seed title.
    const titleTail = pick(text.titles);
    const title = proposed === undefined ? titleTail : `${proposed.spec.name}: ${titleTail}`;
    if (proposed !== undefined) mention(proposed.id, 'title', 0, proposed.spec.name);

    // Abstract: seed sentences around templated sentences that name every concept once (the proposed method twice).
    let abstract = '';
    const append = (s: string) => {
      abstract += (abstract === '' ? '' : ' ') + s;
    };
    const sentence = (parts: readonly (string | { id: string; name: string })[]) => {
      const start = abstract === '' ? 0 : abstract.length + 1;
      let s = '';
      const ids: string[] = [];
      for (const part of parts) {
        if (typeof part === 'string') s += part;
        else {
          mention(part.id, 'abstract', start + s.length, part.name);
          ids.push(part.id);
          s += part.name;
        }
      }
      append(s);
      for (const id of ids) if (!evidence.has(id)) evidence.set(id, s);
    };
    const list = (items: readonly { id: string; spec: ConceptSpec }[]) =>
      items.flatMap((c, k) => [k === 0 ? '' : k === items.length - 1 ? ' and ' : ', ', { id: c.id, name: c.spec.name }]);

    append(pick(text.sentences));
    append(pick(text.sentences));
    if (proposed !== undefined) {
      const others = methods.slice(1);
      sentence([
        'We propose ',
        { id: proposed.id, name: proposed.spec.name },
        ...(others.length > 0 ? [', which builds on ', ...list(others)] : []),
        tasks.length > 0 ? ', for ' : '',
        ...list(tasks),
        '.',
      ]);
    }
    append(pick(text.sentences));
    if (datasets.length > 0 || metrics.length > 0) {
      sentence([
        'Experiments on ',
        ...(datasets.length > 0 ? list(datasets) : ['standard benchmarks']),
        ...(metrics.length > 0 ? [' show consistent gains in ', ...list(metrics)] : [' show consistent gains']),
        proposed === undefined ? '.' : ', and ',
        ...(proposed === undefined ? [] : [{ id: proposed.id, name: proposed.spec.name }, ' is efficient.']),
      ]);
    }
    append(pick(text.sentences));

    const concepts: ExtractedConcept[] = [...chosen.values()]
      .filter((c) => mentions.has(c.id))
      .map((c) => ({
        id: c.id,
        name: c.spec.name,
        type: c.type,
        aliases: c.spec.aliases,
        role: c === proposed ? ('PROPOSED' as const) : ('USED' as const),
        confidence: Math.round((0.55 + 0.4 * rand()) * 100) / 100,
        mentions: mentions.get(c.id) as Mention[],
        evidence: evidence.get(c.id) ?? title,
        ...(c.broader === null || c.broader === c.id ? {} : { broader: c.broader }),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    const dated = rand() < 0.95;
    const day = Math.floor(rand() * 365 * 12);
    const published = dated ? new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10) : null;
    const authorCount = 1 + Math.floor(rand() * 5);
    const authors = Array.from({ length: authorCount }, () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    const id = syntheticPaperId(i);
    return {
      id,
      title,
      abstract,
      url: rand() < 0.8 ? `https://example.org/papers/${id}` : null,
      published,
      authors,
      categories: [],
      doi: null,
      extraction: { concepts, codeLinks: rand() < 0.2 ? [`https://github.com/example/${id}`] : [] },
    };
  }

  function slice(start: number, end: number): AnalyzedPaper[] {
    const papers: AnalyzedPaper[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, size); i++) papers.push(paper(i));
    return papers;
  }

  return {
    size,
    paper,
    slice,
    *batches(batchSize) {
      for (let start = 0; start < size; start += batchSize) yield slice(start, start + batchSize);
    },
  };
}

export interface LoadProgress {
  papers: number;
  elapsedMs: number;
}

/**
 * Writes the corpus into a store through `upsertPapers`, `batchSize` papers a transaction (default 1 000).
 * Returns the time it took.
 */
export async function loadSyntheticCorpus(
  store: GraphStore,
  corpus: SyntheticCorpus,
  options: { batchSize?: number; onProgress?: (progress: LoadProgress) => void } = {},
): Promise<number> {
  const t0 = performance.now();
  let written = 0;
  for (const batch of corpus.batches(options.batchSize ?? 1_000)) {
    await store.upsertPapers(batch);
    written += batch.length;
    options.onProgress?.({ papers: written, elapsedMs: performance.now() - t0 });
  }
  return performance.now() - t0;
}

/** The corpus's shape without a store: concepts, links, mentions, and how many concepts are hubs. */
export function describeCorpus(corpus: SyntheticCorpus): {
  papers: number;
  concepts: number;
  links: number;
  mentions: number;
  over10Percent: number;
  over1Percent: number;
} {
  const paperCounts = new Map<string, number>();
  let links = 0;
  let mentions = 0;
  for (let i = 0; i < corpus.size; i++) {
    for (const c of corpus.paper(i).extraction.concepts) {
      paperCounts.set(c.id, (paperCounts.get(c.id) ?? 0) + 1);
      links += 1;
      mentions += c.mentions.length;
    }
  }
  const counts = [...paperCounts.values()];
  return {
    papers: corpus.size,
    concepts: paperCounts.size,
    links,
    mentions,
    over10Percent: counts.filter((n) => n > corpus.size / 10).length,
    over1Percent: counts.filter((n) => n > corpus.size / 100).length,
  };
}

// ---------------------------------------------------------------- Neo4j helpers shared by benches

/** The environment's Neo4j (read by `loadConfig`, like the server), else the local one `npm run neo4j:start` runs. */
export function benchNeo4jConfig(): Neo4jConfig {
  const env = process.env.NEO4J_URI
    ? process.env
    : { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'papergraph-dev' };
  return loadConfig(env).neo4j as Neo4jConfig;
}

/** Nodes in the database, to refuse writing a bench corpus over someone's data. */
export async function neo4jNodeCount(config: Neo4jConfig): Promise<number> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: config.database });
    return neo4j.integer.toNumber(records[0]?.get('n') ?? 0);
  } finally {
    await driver.close();
  }
}

/**
 * Empties the database in batches, relationships first: one DETACH DELETE of a million relationships would need a
 * huge transaction, and a batch of nodes holding hub concepts (30k links each at 100k papers) still can.
 */
export async function clearNeo4j(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const session = driver.session({ database: config.database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit query, so session.run rather than executeWrite.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

// ---------------------------------------------------------------- CLI

async function main(): Promise<void> {
  const papers = Number(cliArg('--papers') ?? 1_000);
  const seed = Number(cliArg('--seed') ?? 1);
  const storeArg = cliArg('--store');
  const out = cliArg('--out');
  if (!Number.isSafeInteger(papers) || papers < 0) throw new Error('--papers must be a non-negative integer');
  if (storeArg !== undefined && storeArg !== 'neo4j' && storeArg !== 'memory') throw new Error('--store must be neo4j or memory');
  const corpus = await createSyntheticCorpus({ papers, seed });

  if (out !== undefined) {
    const t0 = performance.now();
    const stream = createWriteStream(out);
    for (const batch of corpus.batches(1_000)) {
      const lines = batch.map((p): string => {
        const record: PaperRecord = { id: p.id, title: p.title, abstract: p.abstract, url: p.url, published: p.published, authors: p.authors, categories: [], doi: null };
        return `${JSON.stringify(record)}\n`;
      });
      if (!stream.write(lines.join(''))) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    console.log(`wrote ${papers} papers to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }

  if (storeArg === undefined && out === undefined) {
    const t0 = performance.now();
    const shape = describeCorpus(corpus);
    console.log(
      `${shape.papers} papers: ${shape.concepts} concepts, ${shape.links} paper–concept links, ${shape.mentions} mentions; ` +
        `${shape.over10Percent} concepts in >10% of papers, ${shape.over1Percent} in >1% (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }

  if (storeArg !== undefined) {
    let store: GraphStore;
    if (storeArg === 'memory') {
      store = createMemoryStore();
    } else {
      const config = benchNeo4jConfig();
      const existing = await neo4jNodeCount(config);
      if (existing > 0 && !process.argv.includes('--clear')) {
        throw new Error(`${config.uri} holds ${existing} nodes; pass --clear to let the bench empty it first`);
      }
      if (existing > 0) await clearNeo4j(config);
      store = createNeo4jStore({ config, logger: createSilentLogger() });
    }
    try {
      await store.init();
      // One dry pass first, so the generator's own caches are in the baseline, not in the store's figure.
      if (storeArg === 'memory') for (let i = 0; i < papers; i++) corpus.paper(i);
      // Typed arrays' contents live outside the JS heap (arrayBuffers), so both count. One gc() call leaves
      // garbage behind (tens of MB at 10k papers, freed only after the next turns of the event loop), so collect
      // until the figure stops falling.
      const used = async () => {
        let last = Infinity;
        for (let round = 0; round < 10; round += 1) {
          globalThis.gc?.();
          await new Promise((resolve) => setTimeout(resolve, 20));
          const now = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
          if (now >= last * 0.999) return Math.min(now, last);
          last = now;
        }
        return last;
      };
      const heapBefore = await used();
      let lastReport = 0;
      const ms = await loadSyntheticCorpus(store, corpus, {
        onProgress: ({ papers: done, elapsedMs }) => {
          if (elapsedMs - lastReport > 10_000 || done === papers) {
            lastReport = elapsedMs;
            process.stderr.write(`  ${done}/${papers} papers, ${(elapsedMs / 1000).toFixed(0)} s, ${((1000 * done) / elapsedMs).toFixed(0)} papers/s\n`);
          }
        },
      });
      const stats = await store.stats();
      console.log(
        `${storeArg}: loaded ${stats.papers} papers, ${stats.concepts} concepts, ${stats.mentions} mentions in ` +
          `${(ms / 1000).toFixed(1)} s (${((1000 * papers) / ms).toFixed(0)} papers/s)`,
      );
      if (storeArg === 'memory') {
        const heap = (await used()) - heapBefore;
        console.log(
          `memory store (heap + array buffers): ${(heap / 2 ** 20).toFixed(1)} MB, ${((heap / 2 ** 20) * (10_000 / Math.max(1, papers))).toFixed(1)} MB per 10k papers` +
            (globalThis.gc === undefined ? ' (run with node --expose-gc for an exact figure)' : ''),
        );
      }
    } finally {
      await store.close();
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
