import { readFileSync } from 'node:fs';
import { EmissionTable, decodeModel } from '../../src/nlp/crf-tagger.js';
import type { CrfModelFile } from '../../src/nlp/crf-tagger.js';
import { asideTokens } from '../../src/nlp/find-asides.js';
import { leftWordFeatures, ownWordFeatures, rightWordFeatures, tokenFeatures } from '../../src/nlp/tagger-features.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const model = decodeModel(JSON.parse(readFileSync(new URL('../../src/nlp/data/tagger-model.json', import.meta.url), 'utf8')) as CrfModelFile);

describe('CRF tagger emission scores', () => {
  it('scores the word groups apart (as the tagger caches them per word) to the same sums as the full feature set', () => {
    const source =
      'We propose FlashAttention-2, which outperforms FlashAttention on the Long Range Arena (LRA) benchmark. ' +
      'Support vector machines (SVMs) reach 91.2% accuracy on ImageNet; our model is 3x faster.';
    const tok = tokenize(source);
    const input = { field: 'abstract' as const, source, tokens: tok.tokens, sentences: tok.sentences, aside: asideTokens(source, tok.tokens) };
    const table = new EmissionTable(model);
    const L = table.labelCount;
    const n = tok.tokens.length;
    const full = table.score(tokenFeatures(input), 0, n);
    const rest = table.score(tokenFeatures(input, true), 0, n);
    for (let i = 0; i < n; i++) {
      const t = tok.tokens[i]!;
      const prev = tok.tokens[i - 1];
      const next = tok.tokens[i + 1];
      const hashes: number[] = [];
      const put = (h: number) => hashes.push(h);
      ownWordFeatures(t.text, put);
      leftWordFeatures(prev && prev.sentence === t.sentence ? prev.text : undefined, put);
      rightWordFeatures(next && next.sentence === t.sentence ? next.text : undefined, put);
      const groups = new Float64Array(L);
      table.addScores(hashes, groups);
      for (let y = 0; y < L; y++) expect(rest[i * L + y]! + groups[y]!).toBeCloseTo(full[i * L + y]!, 9);
    }
  });
});
