import { classifyChunk, lexiconSuffixOfName } from '../../src/nlp/classify-chunk.js';
import { broaderId } from '../../src/nlp/extract-concepts.js';
import { findChunks } from '../../src/nlp/find-candidates.js';
import { canonicalKey, extractConcepts } from '../../src/nlp/index.js';
import type { ExtractedConcept } from '../../src/nlp/index.js';
import { isNameLike, tokenize } from '../../src/nlp/tokenize.js';

const ids = (title: string, abstract: string, minConfidence?: number): string[] =>
  extractConcepts({ title, abstract }, minConfidence === undefined ? {} : { minConfidence }).concepts.map((c) => c.id);
const concept = (title: string, abstract: string, id: string): ExtractedConcept | undefined =>
  extractConcepts({ title, abstract }).concepts.find((c) => c.id === id);

function typeOf(s: string, phrase: string): { type: string; rule: string } | undefined {
  const { tokens, sentences } = tokenize(s);
  const chunk = findChunks(tokens).find((c) => s.slice(c.start, c.end) === phrase);
  if (!chunk) throw new Error(`no chunk "${phrase}" in: ${s}`);
  const sent = sentences[tokens[chunk.from]!.sentence]!;
  const typed = classifyChunk(tokens, chunk, sent.from, sent.to);
  return typed && { type: typed.type, rule: typed.rule };
}

describe('central concepts of seed titles', () => {
  it('extracts attention sinks, a phenomenon papers study, as a task in the plain and the visual form', () => {
    expect(ids('Unveiling and Harnessing Hidden Attention Sinks', 'We study attention sinks within LLMs.')).toContain('task:attention-sink');
    const visual = concept('See What You Are Told: Visual Attention Sink in Large Multimodal Models', 'We refer to this phenomenon as the visual attention sink.', 'task:visual-attention-sink');
    expect(visual?.broader).toBe('task:attention-sink');
  });

  it('extracts tabular deep learning and tabular data', () => {
    const x = ids('Retrieval-Augmented Tabular Deep Learning', 'Deep learning models for tabular data problems; retrieval-augmented tabular DL models.');
    expect(x).toEqual(expect.arrayContaining(['method:tabular-deep-learning', 'dataset:tabular-data']));
    expect(x).not.toContain('method:retrieval-augmented-tabular-deep-learning');
  });

  it('keeps a title phrase that is a kind of a known concept ("Multi-Head Softmax Attention")', () => {
    const c = concept('Mechanistic Interpretability of Multi-Head Softmax Attention', 'We study softmax attention.', 'method:multi-head-softmax-attention');
    expect(c?.broader).toBe('method:softmax-attention');
  });
});

describe('canonical ids across papers', () => {
  it('merges gradient-boosted and gradient boosting decision trees, with or without the acronym', () => {
    expect(ids('', 'Algorithms based on gradient-boosted decision trees (GBDT) remain strong.')).toContain('method:gradient-boosted-decision-tree');
    expect(ids('', 'Gradient Boosting Decision Trees (GBDTs) are widely used.')).toContain('method:gradient-boosted-decision-tree');
  });

  it('resolves an acronym seen alone to the lexicon concept of its expansion', () => {
    expect(ids('Cracking the Code of Hallucination in LVLMs', 'We study hallucination in LVLMs.')).toContain('method:large-vision-language-model');
    expect(ids('', 'Large vision-language models hallucinate.')).toContain('method:large-vision-language-model');
    expect(ids('', 'Large multimodal models (LMMs) see images.')).toContain('method:large-multimodal-model');
  });

  it('does not singularize k-means', () => {
    expect(canonicalKey('k-means')).toBe('k-means');
    expect(ids('', 'The routing uses online k-means clustering.')).toContain('method:k-means');
  });
});

describe('junk stays out of the graph', () => {
  it('drops multipliers, dimensions and formula fragments', () => {
    expect(isNameLike('2.1x')).toBe(false);
    const x = ids('', 'It reduces latency by up to 2.1x and 1.44times, from oleft(n^2dright to oleft(n^1.5dright, in 1-D and 3-D.', 0);
    expect(x.filter((id) => /\d|\^|\(/.test(id))).toEqual([]);
  });

  it('trims "diverse" and rejects vacuous modifiers', () => {
    const x = ids('', 'LLMs drive advances across diverse NLP tasks. We propose a computational model with an architectural backbone.', 0);
    expect(x).toContain('task:natural-language-processing');
    expect(x.some((id) => /diverse|computational-model|architectural-backbone/.test(id))).toBe(false);
  });

  it('keeps a one-word "X task" and bare attention phrases out of the default graph but available at confidence 0', () => {
    const abstract = 'Humans solve classical search tasks. Prior methods use spatial attention.';
    expect(ids('', abstract)).toEqual([]);
    expect(ids('', abstract, 0)).toEqual(['method:spatial-attention', 'task:search']);
  });

  it('gives the text of a dropped phrase back to the known concept inside it', () => {
    const x = extractConcepts({ title: '', abstract: 'The predictor is a pre-conditioned gradient descent.' });
    const gd = x.concepts.find((c) => c.id === 'method:gradient-descent');
    expect(gd?.mentions.map((m) => m.text)).toEqual(['gradient descent']);
  });

  it('does not let "called" glue a description to a name', () => {
    const x = ids('', 'We propose a new framework called LightNet.');
    expect(x).toContain('method:lightnet');
    expect(x.some((id) => id.includes('called'))).toBe(false);
  });
});

describe('typing', () => {
  it('types a phrase by the known concept it ends with', () => {
    expect(typeOf('We analyze multi-task linear regression here.', 'multi-task linear regression')).toEqual({ type: 'TASK', rule: 'lexicon-suffix' });
    expect(ids('', 'Head reinforcement helps all LVLMs. We refine MHA.')).toEqual(['method:large-vision-language-model', 'method:multi-head-attention']);
  });

  it('reads a capitalised multi-word name with a task head as a method component', () => {
    expect(typeOf('It consists of Difference-aware Stripe Sparsity Identification and more.', 'Difference-aware Stripe Sparsity Identification')).toEqual({ type: 'METHOD', rule: 'named-process' });
    expect(ids('', 'We study the Indirect Object Identification (IOI) task.')).toContain('task:indirect-object-identification');
  });

  it('reads a system doing a known task as a method', () => {
    expect(typeOf('We evaluate a question answering system on news.', 'question answering system')).toEqual({ type: 'METHOD', rule: 'task-system' });
  });

  it('types a capitalised name before "task" as a task', () => {
    expect(ids('', 'We boost accuracy on the Colored Objects task.')).toContain('task:colored-object');
  });

  it('counts a trailing "task" as part of the mention but not of the name', () => {
    const c = concept('', 'We study the coreference resolution task.', 'task:coreference-resolution');
    expect(c?.name).toBe('coreference resolution');
    expect(c?.mentions.map((m) => m.text)).toEqual(['coreference resolution task']);
  });
});

describe('broader concepts', () => {
  it('links a version to its family', () => {
    expect(broaderId({ name: 'FlashAttention-2', type: 'METHOD' })).toBe('method:flashattention');
  });

  it('links a kind to the known concept its name ends with', () => {
    expect(broaderId({ name: 'persistent sparse attention', type: 'METHOD' })).toBe('method:sparse-attention');
    expect(broaderId({ name: 'content-based sparse attention', type: 'METHOD' })).toBe('method:sparse-attention');
    expect(broaderId({ name: 'Routing Transformer', type: 'METHOD' })).toBe('method:transformer');
  });

  it('links nothing when the head is unknown, of another type, or only matches a case-sensitive acronym loosely', () => {
    expect(broaderId({ name: 'bi-level routing attention', type: 'METHOD' })).toBeUndefined();
    expect(broaderId({ name: 'saliency map', type: 'METRIC' })).toBeUndefined();
    expect(broaderId({ name: 'eccentricity-dependent visual recognition', type: 'METHOD' })).toBeUndefined();
    expect(lexiconSuffixOfName('sparse attention')).toBeUndefined();
  });

  it('sets broader on extracted concepts', () => {
    const c = concept('TidalDecode: Fast LLM Decoding with Position Persistent Sparse Attention', 'Decoding through position persistent sparse attention.', 'method:position-persistent-sparse-attention');
    expect(c?.broader).toBe('method:sparse-attention');
  });
});
