import { asideTokens } from '../../src/nlp/find-asides.js';
import { findChunks } from '../../src/nlp/find-candidates.js';
import { tokenize } from '../../src/nlp/tokenize.js';

function chunks(s: string): string[] {
  return findChunks(tokenize(s).tokens).map((c) => s.slice(c.start, c.end));
}

describe('findChunks', () => {
  it('drops determiners and non-naming adjectives in front of a phrase', () => {
    expect(chunks('We propose a novel dynamic sparse attention.')).toContain('dynamic sparse attention');
  });

  it('splits coordinations into one phrase per conjunct', () => {
    const c = chunks('It helps object detection and semantic segmentation.');
    expect(c).toContain('object detection');
    expect(c).toContain('semantic segmentation');
  });

  it('stops before a trailing prepositional phrase', () => {
    expect(chunks('The Amazon book cover dataset of images is used.')).toContain('Amazon book cover dataset');
  });

  it('ends a phrase where a citation or quoted example begins', () => {
    const s = 'The Transformer architecture Vaswani et al. (2017) proposed is slow, like prior work Wang et al. (2022).';
    const { tokens } = tokenize(s);
    expect(findChunks(tokens, asideTokens(s, tokens)).map((c) => s.slice(c.start, c.end))).toEqual(['Transformer architecture', 'work']);
  });

  it('does not cross punctuation', () => {
    expect(chunks('image classification, object detection')).toEqual(['image classification', 'object detection']);
  });

  it('reads a plural head the tagger took for a verb as a noun', () => {
    expect(chunks('We use state space models ( SSMs ) here')).toContain('state space models');
  });

  it('keeps capitalised modifiers that belong to a name', () => {
    expect(chunks('the stage uses Fine-grained Sparse Computation to save time')).toContain('Fine-grained Sparse Computation');
  });

  it('stops the possessive owner before its \'s', () => {
    expect(chunks("OAT's predicted gaze scanpaths align.")).toContain('OAT');
  });

  it('drops a leading -ing verb that takes the rest of the phrase as its object', () => {
    expect(chunks('It opens the possibility of running large transformers on phones.')).toContain('large transformers');
    expect(chunks('the cost of building large datasets is high')).toContain('large datasets');
    // A known gerund head before its own head noun is part of the name.
    expect(chunks('We report parsing accuracy.')).toEqual(['parsing accuracy']);
  });

  it('keeps articles and the anaphora "former" / "latter" out of phrases, whatever the tagger says', () => {
    expect(chunks('It correlates with model size in the former.')).toEqual(['model size']);
    expect(chunks('In the latter, we uncover a regime.')).toEqual(['regime']);
  });

  it('drops descriptive participles but keeps classifying ones', () => {
    expect(chunks('the trained models beat unconstrained videos')).toEqual(['models', 'unconstrained videos']);
  });
});
