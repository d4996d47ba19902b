import { findAcronyms, matchAcronym } from '../../src/nlp/find-acronyms.js';
import { tokenize } from '../../src/nlp/tokenize.js';

function definitions(s: string): string[] {
  const { tokens } = tokenize(s);
  return findAcronyms(tokens).map((d) => `${d.short}=${tokens.slice(d.from, d.to).map((t) => t.text).join(' ')}`);
}

describe('findAcronyms', () => {
  it('finds the expansion of a parenthesised short form', () => {
    expect(definitions('A widely-used benchmark is Long Range Arena (LRA).')).toEqual(['LRA=Long Range Arena']);
  });

  it('handles plural acronyms and hyphenated expansions', () => {
    expect(definitions('Large Vision-Language Models (LVLMs) hallucinate.')).toEqual(['LVLMs=Large Vision-Language Models']);
  });

  it('matches letters inside a CamelCase word and mixed-case short forms', () => {
    expect(definitions('we introduce TransNormerLLM (TNL), a new model.')).toEqual(['TNL=TransNormerLLM']);
    expect(definitions('Vision transformer (ViT) expands the success.')).toEqual(['ViT=Vision transformer']);
  });

  it('does not start the expansion at a function word', () => {
    expect(definitions('we propose Leading Query Contrastive Decoding (LQCD), a method.')).toEqual(['LQCD=Leading Query Contrastive Decoding']);
  });

  it('works with spaces inside the parentheses, as in tokenized corpora', () => {
    expect(definitions('We use state space models ( SSMs ) here')).toEqual(['SSMs=state space models']);
  });

  it('ignores parentheses that hold no acronym of the words before', () => {
    expect(definitions('the model (see Figure) works and the cost (GPU) grows.')).toEqual([]);
  });

  it('matchAcronym counts the words the long form needs', () => {
    expect(matchAcronym('MHA', ['the', 'Multi-Head', 'Attention'])).toBe(2);
    expect(matchAcronym('XYZ', ['Multi-Head', 'Attention'])).toBe(0);
  });
});
