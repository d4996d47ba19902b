import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/config/index.js';
import type { AnalyzedPaper, GraphStore } from '../../src/graph/index.js';
import { createMemoryStore } from '../../src/graph/index.js';
import { canonicalKey } from '../../src/nlp/index.js';
import type { ConceptType, Role } from '../../src/nlp/index.js';
import { makePaper } from '../graph/fixtures.js';

interface ConceptSpec {
  name: string;
  type: ConceptType;
  role?: Role;
  aliases?: string[];
  broader?: string;
  /** Texts to find in title and abstract; default the name. */
  surfaces?: string[];
}

interface PaperSpec {
  id: string;
  title: string;
  abstract: string;
  published?: string;
  url?: string;
  authors?: string[];
  codeLinks?: string[];
  concepts: ConceptSpec[];
}

export const conceptId = (type: ConceptType, name: string) => `${type.toLowerCase()}:${canonicalKey(name)}`;

/** Hand-written extractions, so API tests do not move when the NLP pass improves. */
function analyzed(spec: PaperSpec): AnalyzedPaper {
  return makePaper(
    spec,
    spec.concepts.map((c) => ({
      id: conceptId(c.type, c.name),
      name: c.name,
      type: c.type,
      surfaces: c.surfaces ?? [c.name],
      aliases: c.aliases ?? [],
      role: c.role ?? 'USED',
      confidence: c.role === 'PROPOSED' ? 0.9 : 0.75,
      ...(c.broader ? { broader: c.broader } : {}),
    })),
  );
}

export const PAPERS: PaperSpec[] = [
  {
    id: 'attention',
    title: 'Attention Is All You Need',
    abstract:
      'We propose the Transformer, based solely on self-attention. On WMT 2014 machine translation it reaches 28.4 BLEU.',
    published: '2017-06-12',
    url: 'https://arxiv.org/abs/1706.03762',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
    concepts: [
      { name: 'Transformer', type: 'METHOD', role: 'PROPOSED' },
      { name: 'self-attention', type: 'METHOD' },
      { name: 'machine translation', type: 'TASK' },
      { name: 'WMT 2014', type: 'DATASET' },
      { name: 'BLEU', type: 'METRIC' },
    ],
  },
  {
    id: 'bert',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers',
    abstract:
      'We introduce BERT, which pre-trains a Transformer encoder. BERT improves question answering on SQuAD to 93.2 F1 and also helps machine translation.',
    published: '2018-10-11',
    concepts: [
      { name: 'BERT', type: 'METHOD', role: 'PROPOSED', aliases: ['Bidirectional Encoder Representations from Transformers'] },
      { name: 'Transformer', type: 'METHOD' },
      { name: 'question answering', type: 'TASK' },
      { name: 'machine translation', type: 'TASK' },
      { name: 'SQuAD', type: 'DATASET' },
      { name: 'F1', type: 'METRIC' },
    ],
  },
  {
    id: 'flashattention',
    title: 'FlashAttention: Fast and Memory-Efficient Exact Attention',
    abstract:
      'We propose FlashAttention, an IO-aware exact attention algorithm for the Transformer. It speeds up training on Long Range Arena.',
    published: '2022-05-27',
    concepts: [
      { name: 'FlashAttention', type: 'METHOD', role: 'PROPOSED' },
      { name: 'Transformer', type: 'METHOD' },
      { name: 'Long Range Arena', type: 'DATASET', aliases: ['LRA'] },
    ],
  },
  {
    id: 'flashattention-2',
    title: 'FlashAttention-2: Faster Attention with Better Parallelism',
    abstract:
      'We present FlashAttention-2, which improves FlashAttention throughput for the Transformer on Long Range Arena. Code is available at https://github.com/Dao-AILab/flash-attention.',
    published: '2023-07-17',
    codeLinks: ['https://github.com/Dao-AILab/flash-attention'],
    concepts: [
      { name: 'FlashAttention-2', type: 'METHOD', role: 'PROPOSED', broader: conceptId('METHOD', 'FlashAttention') },
      { name: 'FlashAttention', type: 'METHOD', surfaces: ['FlashAttention throughput'] },
      { name: 'Transformer', type: 'METHOD' },
      { name: 'Long Range Arena', type: 'DATASET' },
      { name: 'throughput', type: 'METRIC' },
    ],
  },
  {
    id: 'detection-survey',
    title: 'A Survey of Object Detection',
    abstract: 'We review object detection methods evaluated on COCO by mAP.',
    concepts: [
      { name: 'object detection', type: 'TASK' },
      { name: 'COCO', type: 'DATASET', aliases: ['MS-COCO'] },
      { name: 'mAP', type: 'METRIC' },
    ],
  },
];

export const ANALYZED_PAPERS: AnalyzedPaper[] = PAPERS.map(analyzed);

/**
 * `count` generated papers over a small vocabulary (7 methods, some with a `-Large` variant naming them as
 * broader, 5 tasks, 4 datasets, dates over 8 years), so every paper has related papers and every concept has
 * papers, co-occurring concepts, a timeline and often narrower concepts: pages of any size exercise them all.
 */
export function generatedPapers(count: number): AnalyzedPaper[] {
  return Array.from({ length: count }, (_, i) => {
    const method = `Net${i % 7}`;
    const concepts: ConceptSpec[] = [
      { name: method, type: 'METHOD' },
      ...(i % 3 === 0 ? [{ name: `${method}-Large`, type: 'METHOD' as const, broader: conceptId('METHOD', method) }] : []),
      { name: `Task${i % 5}`, type: 'TASK' },
      { name: `Set${i % 4}`, type: 'DATASET' },
    ];
    return analyzed({
      id: `generated-${String(i).padStart(4, '0')}`,
      title: `Generated paper ${i}`,
      abstract: `We apply ${concepts.map((c) => c.name).join(', ')}.`,
      published: `${2015 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      concepts,
    });
  });
}

async function storeWith(papers: AnalyzedPaper[]): Promise<GraphStore> {
  const store = createMemoryStore();
  await store.init();
  await store.upsertPapers(papers);
  return store;
}

export const createSeededStore = () => storeWith(ANALYZED_PAPERS);

export const createGeneratedStore = (count: number) => storeWith(generatedPapers(count));

/** A logger whose JSON lines are kept in memory, to assert what was logged. */
export function createCapturingLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Wraps a store so every method call is counted by name. */
export function countingStore(store: GraphStore): { store: GraphStore; calls: Map<string, number>; reset(): void } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls, reset: () => calls.clear() };
}
