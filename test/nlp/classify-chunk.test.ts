import { classifyChunk } from '../../src/nlp/classify-chunk.js';
import { findChunks } from '../../src/nlp/find-candidates.js';
import { tokenize } from '../../src/nlp/tokenize.js';

/** The typing of the chunk whose text is `phrase` in sentence `s`. */
function typeOf(s: string, phrase: string): { type: string; rule: string; name: string } | undefined {
  const { tokens, sentences } = tokenize(s);
  const chunk = findChunks(tokens).find((c) => s.slice(c.start, c.end) === phrase);
  if (!chunk) throw new Error(`no chunk "${phrase}" in: ${s}`);
  const sent = sentences[(tokens[chunk.from] as { sentence: number }).sentence]!;
  const typed = classifyChunk(tokens, chunk, sent.from, sent.to);
  if (!typed) return undefined;
  const from = typed.nameFrom ?? typed.from;
  const to = typed.nameTo ?? typed.to;
  return { type: typed.type, rule: typed.rule, name: s.slice(tokens[from]!.start, tokens[to - 1]!.end) };
}

describe('classifyChunk', () => {
  it('types known names from the lexicon', () => {
    expect(typeOf('We use the Long Range Arena for tests.', 'Long Range Arena')).toMatchObject({ type: 'DATASET', rule: 'lexicon' });
  });

  it('reads "X tasks" as the task X', () => {
    expect(typeOf('It fails on visual search tasks here.', 'visual search tasks')).toMatchObject({ type: 'TASK', rule: 'x-task', name: 'visual search' });
  });

  it('reads "in terms of X" as a metric', () => {
    expect(typeOf('It wins in terms of decoding speed overall.', 'decoding speed')).toMatchObject({ type: 'METRIC', rule: 'in-terms-of' });
  });

  it('reads a name evaluated "on X" as a dataset', () => {
    expect(typeOf('We evaluate our model on the FooBar suite and on BazQA.', 'BazQA')).toMatchObject({ type: 'DATASET', rule: 'on-name' });
  });

  it('types by head noun', () => {
    expect(typeOf('We study fixation sequence prediction today.', 'fixation sequence prediction')).toMatchObject({ type: 'TASK', rule: 'head' });
    expect(typeOf('We collect the Amazon book cover dataset today.', 'Amazon book cover dataset')).toMatchObject({ type: 'DATASET', rule: 'head' });
    expect(typeOf('We collect a new news headline corpus today.', 'news headline corpus')).toMatchObject({ type: 'DATASET', rule: 'head' });
    expect(typeOf('We report word error rate here.', 'word error rate')).toMatchObject({ type: 'METRIC' });
  });

  it('does not read plural task heads as tasks', () => {
    expect(typeOf('It outputs phrase translations quickly.', 'phrase translations')).toBeUndefined();
  });

  it('names the concept by the modifier of a generic carrier head', () => {
    expect(typeOf('A tiling technique is adopted.', 'tiling technique')).toMatchObject({ type: 'METHOD', rule: 'name-carrier', name: 'tiling' });
    expect(typeOf('We train the TabR model quickly.', 'TabR model')).toMatchObject({ type: 'METHOD', name: 'TabR' });
  });

  it('types CamelCase names as methods', () => {
    expect(typeOf('Then BiFormer attends to tokens.', 'BiFormer')).toMatchObject({ type: 'METHOD', rule: 'name-shape' });
  });

  it('types Title Case phrases mid-sentence as named methods', () => {
    expect(typeOf('It applies the Depth-Wise Convolutional Gate to inputs.', 'Depth-Wise Convolutional Gate')).toMatchObject({ type: 'METHOD', rule: 'title-case-name' });
  });

  it('keeps specific bare heads but not generic ones', () => {
    expect(typeOf('The parser is fast.', 'parser')).toMatchObject({ type: 'METHOD', rule: 'specific-head' });
    expect(typeOf('The approach is fast.', 'approach')).toBeUndefined();
    expect(typeOf('The performance is good.', 'performance')).toBeUndefined();
  });

  it('leaves undefined acronyms and hardware words untyped', () => {
    expect(typeOf('It needs less GPU memory here.', 'memory')).toBeUndefined();
    expect(typeOf('It reads the KV entries here.', 'KV entries')).toBeUndefined();
  });
});
