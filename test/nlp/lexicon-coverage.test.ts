import { canonicalKey, extractConcepts } from '../../src/nlp/index.js';
import type { ExtractedConcept } from '../../src/nlp/index.js';
import { LEXICON, lexiconBroaderId, lookupLexicon } from '../../src/nlp/lexicon.js';

const ids = (title: string, abstract: string, minConfidence?: number): string[] =>
  extractConcepts({ title, abstract }, minConfidence === undefined ? {} : { minConfidence }).concepts.map((c) => c.id);
const concept = (title: string, abstract: string, id: string): ExtractedConcept | undefined =>
  extractConcepts({ title, abstract }).concepts.find((c) => c.id === id);

describe('lexicon integrity', () => {
  it('gives every surface to one entry only, so no alias silently names another concept', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const names = new Set<string>();
    for (const e of LEXICON) {
      const nameKey = canonicalKey(e.name);
      if (names.has(nameKey)) clashes.push(`duplicate line ${e.name}`);
      names.add(nameKey);
      for (const s of [e.name, ...e.aliases]) {
        const k = canonicalKey(s);
        const o = owner.get(k);
        if (o !== undefined && o !== e.name) clashes.push(`${s}: ${o} / ${e.name}`);
        owner.set(k, e.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('names as broader only lexicon entries of the same type, and never the entry itself', () => {
    const bad = LEXICON.filter((e) => e.broader !== undefined).filter((e) => {
      const parent = lookupLexicon(canonicalKey(e.broader as string));
      return !parent || parent.type !== e.type || parent === e;
    });
    expect(bad.map((e) => e.name)).toEqual([]);
  });

  it('keeps kinds apart from their family: top-1 accuracy is its own metric under accuracy', () => {
    expect(lookupLexicon('top-1-accuracy')?.name).toBe('top-1 accuracy');
    expect(lexiconBroaderId('top-1-accuracy')).toBe('metric:accuracy');
    expect(lexiconBroaderId('top-5-accuracy')).toBe('metric:accuracy');
    const top1 = concept('', 'ViT reaches 88% top-1 accuracy on ImageNet.', 'metric:top-1-accuracy');
    expect(top1?.broader).toBe('metric:accuracy');
    expect(ids('', 'ViT reaches 88% top-1 accuracy on ImageNet.')).not.toContain('metric:accuracy');
  });

  it('gives authored hierarchy links to extracted concepts', () => {
    expect(concept('', 'We fine-tune with QLoRA on one GPU.', 'method:qlora')?.broader).toBe('method:low-rank-adaptation');
    expect(concept('', 'Mamba scales linearly in sequence length.', 'method:mamba')?.broader).toBe('method:selective-state-space-model');
    expect(concept('', 'We study mechanistic interpretability of small models.', 'task:mechanistic-interpretability')?.broader).toBe('task:interpretability');
  });
});

describe('phenomena papers are about are tasks', () => {
  it('extracts hallucination and its kinds, with broader hallucination', () => {
    expect(ids('Cracking the Code of Hallucination in LVLMs', 'Models hallucinate objects.')).toContain('task:hallucination');
    expect(concept('', 'We study visual hallucination in multimodal models.', 'task:visual-hallucination')?.broader).toBe('task:hallucination');
    expect(concept('', 'We propose a method for hallucination detection.', 'task:hallucination-detection')?.broader).toBe('task:hallucination');
  });

  it('extracts sycophancy and position bias', () => {
    expect(ids('Towards Analyzing and Mitigating Sycophancy in Large Vision-Language Models', 'We analyze sycophancy.')).toContain('task:sycophancy');
    const x = ids('Eliminating Position Bias of Language Models: A Mechanistic Approach', 'Position bias is a prevalent issue of LMs.');
    expect(x).toContain('task:position-bias');
  });

  it('drops a leading title verb, so the phenomenon rather than "Mitigate X" is the concept', () => {
    const title = 'Fixing Imbalanced Attention to Mitigate In-Context Hallucination of Large Vision-Language Model';
    const x = extractConcepts({ title, abstract: 'LVLMs hallucinate objects that are not in the image.' }).concepts;
    expect(x.some((c) => /mitigate/.test(c.id))).toBe(false);
    expect(x.find((c) => c.id === 'task:in-context-hallucination')?.broader).toBe('task:hallucination');
  });
});

describe('coverage of well-known recent concepts', () => {
  it.each([
    ['We compress the KV cache of long-context LLMs.', ['method:kv-cache', 'method:long-context-large-language-model']],
    ['In-context learning and chain-of-thought prompting improve reasoning.', ['task:in-context-learning', 'method:chain-of-thought-prompting']],
    ['Models trained with RLHF after instruction tuning follow prompts.', ['method:reinforcement-learning-from-human-feedback', 'method:instruction-tuning']],
    ['A sparse mixture-of-experts layer routes tokens.', ['method:sparse-mixture-of-expert']],
    ['State space models such as Mamba and RWKV rival Transformers.', ['method:state-space-model', 'method:mamba', 'method:rwkv']],
    ['Retrieval-augmented generation reduces errors; speculative decoding speeds it up.', ['method:retrieval-augmented-generation', 'method:speculative-decoding']],
    ['We apply post-training quantization and structured pruning.', ['method:post-training-quantization', 'method:structured-pruning']],
    ['We use eye tracking for gaze prediction.', ['task:eye-tracking', 'task:gaze-prediction']],
    ['We address sequential recommendation with self-attention.', ['task:sequential-recommendation']],
    ['Text-to-image generation with diffusion models.', ['task:text-to-image-generation', 'method:diffusion-model']],
    ['We test associative recall and test-time training.', ['task:associative-recall', 'method:test-time-training']],
    ['We replace RoPE with ALiBi and use sliding window attention.', ['method:rotary-position-embedding', 'method:alibi', 'method:sliding-window-attention']],
  ])('finds the known concepts of "%s"', (abstract, expected) => {
    expect(ids('', abstract)).toEqual(expect.arrayContaining(expected));
  });

  it('matches a known name written without the hyphen before its version number (GPT2, Wikitext2)', () => {
    expect(ids('', 'It reproduces on a larger GPT2 model.')).toEqual(['method:gpt-2']);
    expect(ids('', 'We report perplexity on Wikitext2.')).toEqual(expect.arrayContaining(['dataset:wikitext-2']));
    expect(lookupLexicon('gpt4')?.name).toBe('GPT-4');
  });

  it('knows the Long Range Arena tasks Path-X and Path-256 as datasets under LRA', () => {
    const x = extractConcepts({ title: '', abstract: 'It beats chance on Path-X and Path-256.' }).concepts;
    expect(x.map((c) => [c.id, c.broader])).toEqual([
      ['dataset:path-256', 'dataset:long-range-arena'],
      ['dataset:path-x', 'dataset:long-range-arena'],
    ]);
  });

  it('leaves an acronym the lexicon knows for two concepts to in-text definitions (CFG)', () => {
    expect(ids('', 'We sample with a layout conditional CFG.', 0).filter((id) => id.includes('grammar'))).toEqual([]);
    expect(ids('', 'We parse with a context-free grammar (CFG). The CFG is small.')).toContain('method:context-free-grammar');
  });

  it('types generic-sounding entries in mention mode but keeps them out of the graph alone', () => {
    const abstract = 'Reasoning improves when attention heads specialize.';
    expect(ids('', abstract)).toEqual([]);
    expect(ids('', abstract, 0)).toEqual(expect.arrayContaining(['method:attention-head']));
  });
});

describe('acronym definitions', () => {
  it('gives the expansion and the acronym of a definition one mention each, with their own offsets', () => {
    const abstract = 'We evaluate on Long Range Arena (LRA) and beat prior LRA results.';
    const c = concept('', abstract, 'dataset:long-range-arena');
    expect(c?.mentions.map((m) => m.text)).toEqual(['Long Range Arena', 'LRA', 'LRA']);
    for (const m of c?.mentions ?? []) expect(abstract.slice(m.start, m.end)).toBe(m.text);
    expect(c?.mentions[1]?.start).toBe(abstract.indexOf('(LRA)') + 1);
  });
});
