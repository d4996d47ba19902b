import { canonicalKey } from '../../src/nlp/index.js';

describe('canonicalKey', () => {
  it('folds case, plural and hyphen/space variants of a name to one key', () => {
    expect(canonicalKey('Large Language Models')).toBe('large-language-model');
    expect(canonicalKey('large-language model')).toBe('large-language-model');
    expect(canonicalKey('Self Attention')).toBe(canonicalKey('self-attention'));
  });

  it('singularizes plural acronyms', () => {
    expect(canonicalKey('LLMs')).toBe(canonicalKey('LLM'));
    expect(canonicalKey('ViTs')).toBe('vit');
  });

  it('keeps words whose final s is not a plural', () => {
    expect(canonicalKey('Kinetics')).toBe('kinetics');
    expect(canonicalKey('genomics')).toBe('genomics');
    expect(canonicalKey('analysis')).toBe('analysis');
    expect(canonicalKey('biases')).toBe('bias');
  });

  it('folds British spellings', () => {
    expect(canonicalKey('Natural Language Modelling')).toBe(canonicalKey('natural language modeling'));
  });

  it('keeps version numbers and digits in names', () => {
    expect(canonicalKey('WikiText 103')).toBe('wikitext-103');
    expect(canonicalKey('OPT-1.3B')).toBe('opt-1.3b');
    expect(canonicalKey('FlashAttention-2')).not.toBe(canonicalKey('FlashAttention'));
  });
});
