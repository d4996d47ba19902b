import type { AnalyzedPaper } from '../../src/graph/index.js';
import type { ConceptType, ExtractedConcept, Field, Mention, Role } from '../../src/nlp/index.js';

/** A concept as a fixture states it; mentions are found in the paper's text. */
export interface ConceptSpec {
  id: string;
  name: string;
  type: ConceptType;
  /** Texts whose whole-word occurrences become the mentions. Default: the name. */
  surfaces?: string[];
  aliases?: string[];
  role?: Role;
  confidence?: number;
  broader?: string;
}

export interface PaperSpec {
  id: string;
  title: string;
  abstract: string;
  published?: string | null;
  url?: string | null;
  authors?: string[];
  categories?: string[];
  doi?: string | null;
  codeLinks?: string[];
}

/** Occurrences of `text` in `source` not inside a longer word or hyphenated name. */
function occurrences(field: Field, source: string, text: string): Mention[] {
  const found: Mention[] = [];
  for (let start = source.indexOf(text); start >= 0; start = source.indexOf(text, start + 1)) {
    const end = start + text.length;
    const before = source.slice(Math.max(0, start - 1), start);
    const after = source.slice(end, end + 1);
    if (/[\p{L}\p{N}-]/u.test(before) || /[\p{L}\p{N}-]/u.test(after)) continue;
    found.push({ field, start, end, text });
  }
  return found;
}

export function makePaper(spec: PaperSpec, concepts: ConceptSpec[] = []): AnalyzedPaper {
  const extracted = concepts.map((c): ExtractedConcept => {
    const mentions = (c.surfaces ?? [c.name]).flatMap((text) => [
      ...occurrences('title', spec.title, text),
      ...occurrences('abstract', spec.abstract, text),
    ]);
    if (mentions.length === 0) throw new Error(`fixture bug: ${c.id} has no mention in ${spec.id}`);
    mentions.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
    return {
      id: c.id,
      name: c.name,
      type: c.type,
      aliases: c.aliases ?? [],
      role: c.role ?? 'USED',
      confidence: c.confidence ?? 0.8,
      mentions,
      evidence: spec.abstract,
      ...(c.broader === undefined ? {} : { broader: c.broader }),
    };
  });
  return {
    id: spec.id,
    title: spec.title,
    abstract: spec.abstract,
    url: spec.url ?? null,
    published: spec.published ?? null,
    authors: spec.authors ?? [],
    categories: spec.categories ?? [],
    doi: spec.doi ?? null,
    extraction: { concepts: extracted.sort((a, b) => (a.id < b.id ? -1 : 1)), codeLinks: spec.codeLinks ?? [] },
  };
}

const transformer: ConceptSpec = { id: 'method:transformer', name: 'Transformer', type: 'METHOD' };
const bert: ConceptSpec = {
  id: 'method:bert',
  name: 'BERT',
  type: 'METHOD',
  aliases: ['Bidirectional Encoder Representations from Transformers'],
};
const squad: ConceptSpec = { id: 'dataset:squad', name: 'SQuAD', type: 'DATASET' };
const imagenet: ConceptSpec = { id: 'dataset:imagenet', name: 'ImageNet', type: 'DATASET' };
const f1: ConceptSpec = { id: 'metric:f1', name: 'F1', type: 'METRIC' };
const accuracy: ConceptSpec = { id: 'metric:accuracy', name: 'Accuracy', type: 'METRIC' };
const qa = (surface: string): ConceptSpec => ({
  id: 'task:question-answering',
  name: 'Question Answering',
  type: 'TASK',
  surfaces: [surface],
});

/**
 * Nine papers, 12 concepts. Paper counts: Transformer 4, Accuracy 4, BERT 3, Question Answering 3, SQuAD 3,
 * F1 2, ImageNet 2, and 1 for FlashAttention, FlashAttention-2, LoRA, ROUGE, Summarization. p6 has no
 * concepts; p5 has no date; "a-dup" repeats p1's title.
 */
export function corpus(): AnalyzedPaper[] {
  return [
    makePaper(
      {
        id: 'p1',
        title: 'BERT for Question Answering',
        abstract: 'We fine-tune BERT, a Transformer encoder, on SQuAD. We report F1 and Accuracy against GPT-4.',
        published: '2019-05-10',
        url: 'https://example.org/p1',
        authors: ['Ada Lovelace', 'Alan Turing'],
        categories: ['cs.CL', 'cs.LG'],
        doi: '10.1000/p1.2019',
        codeLinks: ['https://github.com/example/p1'],
      },
      [bert, transformer, { ...qa('Question Answering'), aliases: ['QA'] }, squad, f1, accuracy],
    ),
    makePaper(
      {
        id: 'p2',
        title: 'FlashAttention-2: Faster Attention',
        abstract: 'We propose FlashAttention-2, which improves FlashAttention for the Transformer. On ImageNet it keeps Accuracy.',
        published: '2023-07-17',
      },
      [
        {
          id: 'method:flashattention-2',
          name: 'FlashAttention-2',
          type: 'METHOD',
          role: 'PROPOSED',
          confidence: 0.95,
          broader: 'method:flashattention',
        },
        { id: 'method:flashattention', name: 'FlashAttention', type: 'METHOD' },
        transformer,
        imagenet,
        accuracy,
      ],
    ),
    makePaper(
      {
        id: 'p3',
        title: 'LoRA: Low-Rank Adaptation of Large Language Models',
        abstract: "We propose LoRA for the Transformer and evaluate question answering on SQuAD with F1. OAT's baseline is weaker.",
        published: '2021-06-17',
      },
      [
        {
          id: 'method:lora',
          name: 'LoRA',
          type: 'METHOD',
          role: 'PROPOSED',
          aliases: ['Low-Rank Adaptation'],
          surfaces: ['LoRA', 'Low-Rank Adaptation'],
        },
        transformer,
        qa('question answering'),
        squad,
        f1,
      ],
    ),
    makePaper(
      {
        id: 'p4',
        title: 'Abstractive Summarization with Transformers',
        abstract: 'A Transformer model for summarization, scored with ROUGE.',
        published: '2019-11-02',
      },
      [
        { id: 'task:summarization', name: 'Summarization', type: 'TASK', surfaces: ['Summarization', 'summarization'] },
        transformer,
        { id: 'metric:rouge', name: 'ROUGE', type: 'METRIC' },
      ],
    ),
    makePaper(
      { id: 'p5', title: 'QA without Transformers', abstract: 'Rule-based QA systems still reach high Accuracy.' },
      [
        {
          ...qa('QA'),
          name: 'QA',
          aliases: ['Question Answering', 'Question Answering Systems'],
        },
        accuracy,
      ],
    ),
    makePaper({ id: 'p6', title: 'A Paper with no Concepts', abstract: 'Nothing to extract here.', published: '2020-01-01' }),
    makePaper(
      { id: 'p7', title: 'ImageNet Accuracy Study', abstract: 'We revisit ImageNet Accuracy.', published: '2023-07-01' },
      [imagenet, accuracy],
    ),
    makePaper(
      { id: 'p8', title: 'bert Uncased', abstract: 'Lowercase bert and uncased BERT.', published: '2019-05-20' },
      [{ ...bert, surfaces: ['bert', 'BERT'] }],
    ),
    makePaper(
      {
        id: 'a-dup',
        title: 'BERT for Question Answering',
        abstract: 'A replication of BERT on SQuAD.',
        published: '2019-05-10',
      },
      [bert, squad],
    ),
  ];
}

/**
 * Six papers for the related-papers candidate budget: Transformer (5 papers), Hub B (4) and Rare (2). Every
 * word is the paper's own (each mention is a word like `h1x0`), so no paper is a text candidate of another and
 * only the concept traversal finds candidates.
 */
export function hubCorpus(): AnalyzedPaper[] {
  const t: ConceptSpec = { id: 'method:transformer', name: 'Transformer', type: 'METHOD' };
  const hubB: ConceptSpec = { id: 'task:hub-b', name: 'Hub B', type: 'TASK' };
  const rare: ConceptSpec = { id: 'dataset:rare', name: 'Rare', type: 'DATASET' };
  const paper = (id: string, concepts: ConceptSpec[]) => {
    const words = concepts.map((_, k) => `${id}x${k}`);
    return makePaper(
      { id, title: id, abstract: words.join(' ') },
      concepts.map((c, k) => ({ ...c, surfaces: [words[k] as string] })),
    );
  };
  return [
    paper('h1', [t, rare, hubB]),
    paper('h2', [t, rare]),
    paper('h3', [t, hubB]),
    paper('h4', [t, hubB]),
    paper('h5', [t]),
    paper('h6', [hubB]),
  ];
}
