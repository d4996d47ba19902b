import { readFileSync } from 'node:fs';
import { EmissionTable, createEmissionScorer, decodeModel } from '../../src/nlp/crf-tagger.js';
import type { CrfModelFile } from '../../src/nlp/crf-tagger.js';
import { asideTokens } from '../../src/nlp/find-asides.js';
import { tokenFeatures } from '../../src/nlp/tagger-features.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const model = decodeModel(JSON.parse(readFileSync(new URL('../../src/nlp/data/tagger-model.json', import.meta.url), 'utf8')) as CrfModelFile);

describe('CRF tagger emission scores', () => {
  it('scores the cached word and part-of-speech groups to the same sums as the full feature set', () => {
    const source =
      'We propose FlashAttention-2, which outperforms FlashAttention on the Long Range Arena (LRA) benchmark. ' +
      'Support vector machines (SVMs) reach 91.2% accuracy on ImageNet; our model is 3x faster.';
    const tok = tokenize(source);
    const input = { field: 'abstract' as const, source, tokens: tok.tokens, sentences: tok.sentences, aside: asideTokens(source, tok.tokens) };
    const table = new EmissionTable(model);
    const n = tok.tokens.length;
    const full = table.score(tokenFeatures(input), 0, n);
    const emissions = createEmissionScorer(table);
    // Twice: once filling the caches, once reading them.
    for (let pass = 0; pass < 2; pass++) {
      const cached = emissions(input);
      for (let i = 0; i < full.length; i++) expect(cached[i]).toBeCloseTo(full[i]!, 9);
    }
  });

  it('keeps the same sums when its word cache is full and starts over between fields', () => {
    const fields = ['We propose FlashAttention-2 for long sequences.', 'Support vector machines (SVMs) reach 91.2% accuracy on ImageNet; our model is 3x faster.'].map((source) => {
      const tok = tokenize(source);
      return { field: 'abstract' as const, source, tokens: tok.tokens, sentences: tok.sentences, aside: asideTokens(source, tok.tokens) };
    });
    const table = new EmissionTable(model);
    // Room for fewer words than the two fields have together (and than the second alone).
    const emissions = createEmissionScorer(table, 12);
    for (const input of [...fields, ...fields]) {
      const full = table.score(tokenFeatures(input), 0, input.tokens.length);
      const cached = emissions(input);
      for (let i = 0; i < full.length; i++) expect(cached[i]).toBeCloseTo(full[i]!, 9);
    }
  });
});
