import { CONCEPT_TYPES, DEFAULT_MIN_CONFIDENCE, ROLES, extractConcepts, familyName } from '../../src/nlp/index.js';
import type { ExtractedConcept, Extraction } from '../../src/nlp/index.js';

const byName = (x: Extraction, name: string): ExtractedConcept | undefined => x.concepts.find((c) => c.name === name);

const PAPER = {
  title: 'LRX: Long Range Xformer for Language Modeling',
  abstract:
    'Large language models (LLMs) struggle with long inputs. We propose the Long Range Xformer (LRX), a sparse ' +
    'attention architecture, and a tiling technique. LRX outperforms FlashAttention-2 on Wikitext-103 and PG-19 in ' +
    'terms of perplexity. LLMs and large language models benefit. Code is available at https://github.com/acme/lrx.',
};

describe('extractConcepts contract', () => {
  const x = extractConcepts(PAPER);

  it('gives every mention a field and offsets that slice back to its text', () => {
    for (const c of x.concepts) {
      expect(c.mentions.length).toBeGreaterThan(0);
      for (const m of c.mentions) expect(PAPER[m.field].slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('builds ids from type and canonical key and sorts by id', () => {
    for (const c of x.concepts) expect(c.id.startsWith(`${c.type.toLowerCase()}:`)).toBe(true);
    const ids = x.concepts.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('uses only known types and roles, confidence in [0, 1], and never repeats the name among aliases', () => {
    for (const c of x.concepts) {
      expect(CONCEPT_TYPES).toContain(c.type);
      expect(ROLES).toContain(c.role);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.aliases).not.toContain(c.name);
    }
  });

  it('is deterministic', () => {
    expect(extractConcepts(PAPER)).toEqual(x);
  });

  it('sorts mentions title first, then by offset', () => {
    const lrx = x.concepts.find((c) => c.id === 'method:long-range-xformer')!;
    expect(lrx.mentions[0]!.field).toBe('title');
    const abs = lrx.mentions.filter((m) => m.field === 'abstract').map((m) => m.start);
    expect(abs).toEqual([...abs].sort((a, b) => a - b));
  });

  it('accepts an empty title', () => {
    expect(extractConcepts({ title: '', abstract: PAPER.abstract }).concepts.length).toBeGreaterThan(0);
  });
});

describe('extractConcepts rules', () => {
  const x = extractConcepts(PAPER);

  it('merges an acronym and its expansion into one concept with every occurrence', () => {
    const llm = x.concepts.filter((c) => c.id === 'method:large-language-model');
    expect(llm).toHaveLength(1);
    expect(llm[0]!.aliases).toContain('LLM');
    expect(llm[0]!.mentions.map((m) => m.text)).toEqual(['Large language models', 'LLMs', 'LLMs', 'large language models']);
  });

  it('marks what the paper proposes and keeps the cue sentence as evidence', () => {
    const lrx = x.concepts.find((c) => c.id === 'method:long-range-xformer')!;
    expect(lrx.role).toBe('PROPOSED');
    expect(lrx.aliases).toContain('LRX');
    expect(lrx.evidence).toMatch(/^We propose the Long Range Xformer/);
    expect(byName(x, 'FlashAttention-2')?.role).toBe('USED');
  });

  it('reads the title "ACR: Expansion" as an acronym definition', () => {
    const lrx = x.concepts.find((c) => c.id === 'method:long-range-xformer')!;
    expect(lrx.mentions.some((m) => m.field === 'title' && m.text === 'LRX')).toBe(true);
  });

  it('keeps hyphen-digit names whole and types datasets and metrics', () => {
    expect(byName(x, 'WikiText-103')?.type).toBe('DATASET');
    expect(byName(x, 'PG-19')?.type).toBe('DATASET');
    expect(byName(x, 'perplexity')?.type).toBe('METRIC');
    expect(x.concepts.some((c) => c.name === 'Wikitext-' || c.name === '103')).toBe(false);
  });

  it('links a versioned name to its family', () => {
    expect(byName(x, 'FlashAttention-2')?.broader).toBe('method:flashattention');
    expect(familyName('Llama-3-70B-Instruct')).toBe('Llama');
    expect(familyName('Transformer-XL')).toBeUndefined();
  });

  it('counts "a tiling technique" as a mention of tiling', () => {
    expect(byName(x, 'tiling')?.mentions.map((m) => m.text)).toEqual(['tiling technique']);
  });

  it('collects code links', () => {
    expect(x.codeLinks).toEqual(['https://github.com/acme/lrx']);
    expect(extractConcepts({ title: '', abstract: 'The source code is released at github.com/OpenNLPLab/TransnormerLLM.' }).codeLinks).toEqual([
      'https://github.com/OpenNLPLab/TransnormerLLM',
    ]);
  });

  it('reads "called X" and "we present X" as proposals', () => {
    const y = extractConcepts({ title: '', abstract: 'We introduce a new family of architectures, called Titans. In this paper, we present Lightning Attention, a kernel.' });
    expect(byName(y, 'Titans')).toMatchObject({ type: 'METHOD', role: 'PROPOSED' });
    expect(byName(y, 'Lightning Attention')).toMatchObject({ type: 'METHOD', role: 'PROPOSED' });
  });

  it('splits coordinated tasks', () => {
    const y = extractConcepts({ title: '', abstract: 'Results on image classification, object detection and semantic segmentation verify it.' });
    expect(y.concepts.map((c) => c.id)).toEqual(['task:image-classification', 'task:object-detection', 'task:semantic-segmentation']);
  });

  it('keeps generic words out of the concepts', () => {
    const y = extractConcepts({
      title: 'A New Approach',
      abstract: 'Our approach improves the performance of the model on the task. The method gives better results than existing methods and the framework.',
    });
    const junk = new Set(['approach', 'performance', 'method', 'model', 'task', 'result', 'framework']);
    for (const c of y.concepts) expect(junk.has(c.id.split(':')[1]!)).toBe(false);
  });

  it('does not make concepts of undefined hardware acronyms', () => {
    const y = extractConcepts({ title: '', abstract: 'It saves GPU memory and IO on the CPU.' });
    expect(y.concepts).toEqual([]);
  });

  it('returns the concepts at or above DEFAULT_MIN_CONFIDENCE by default, and more with minConfidence 0', () => {
    const abstract = 'Reasoning improves when attention heads specialize.';
    const all = extractConcepts({ title: '', abstract }, { minConfidence: 0 }).concepts;
    const stored = extractConcepts({ title: '', abstract }).concepts;
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(['method:attention-head']));
    expect(stored.map((c) => c.id)).toEqual(all.filter((c) => c.confidence >= DEFAULT_MIN_CONFIDENCE).map((c) => c.id));
    expect(stored.length).toBeLessThan(all.length);
  });
});
