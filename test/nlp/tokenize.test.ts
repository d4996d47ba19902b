import nlp from 'compromise';
import { MAX_SENTENCE_TOKENS, parse, tokenize } from '../../src/nlp/tokenize.js';

const texts = (s: string) => tokenize(s).tokens.map((t) => t.text);

describe('tokenize', () => {
  it('keeps hyphenated names with digits as one token', () => {
    const words = texts('We train GPT-4, OPT-1.3B and Llama-3-70B-Instruct on Wikitext-103, PG-19 and ImageNet-64.');
    for (const name of ['GPT-4', 'OPT-1.3B', 'Llama-3-70B-Instruct', 'Wikitext-103', 'PG-19', 'ImageNet-64']) expect(words).toContain(name);
  });

  it('glues capitalised hyphen parts that compromise splits (Multi-Head)', () => {
    expect(texts('Multi-Head Attention works.')).toContain('Multi-Head');
  });

  it('keeps complexity notation whole', () => {
    expect(texts('Reducing the O(n^2) cost of attention.')).toContain('O(n^2)');
  });

  it('marks CamelCase, mixed-case acronyms and digit names as name-like', () => {
    const { tokens } = tokenize('BiFormer beats ViT and DeiT and FlashAttention-2 but not the model in 2023.');
    const like = tokens.filter((t) => t.nameLike).map((t) => t.text);
    expect(like).toEqual(['BiFormer', 'ViT', 'DeiT', 'FlashAttention-2']);
  });

  it('gives offsets that slice back to the token text', () => {
    const s = "It's 1.44times faster (see https://github.com/a/b). ``GBDT-friendly'' benchmarks, e.g. LRA.";
    for (const t of tokenize(s).tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits sentences', () => {
    expect(tokenize('We propose BiFormer. It works well. Results improve.').sentences).toHaveLength(3);
  });
});

describe('tokenize with spaced punctuation', () => {
  it('leaves " , " and " ( " in the gap instead of making tokens of them', () => {
    const { tokens } = tokenize('these systems , accuracy ( EM ) .');
    expect(tokens.map((t) => t.text)).toEqual(['these', 'systems', 'accuracy', 'EM']);
    expect(tokens[1]!.gap).toBe(' , ');
  });
});

describe('tokenize with missing spaces', () => {
  it('splits a sentence break typed without its space after a name ("GPT-4.In this work")', () => {
    const s = 'Prior work relies on GPT-4.In this work, we introduce BarNet.';
    const { tokens, sentences } = tokenize(s);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['GPT-4', 'In']));
    expect(sentences.map((x) => s.slice(x.start, x.end))).toEqual(['Prior work relies on GPT-4.', 'In this work, we introduce BarNet.']);
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('leaves dots in URLs and before lowercase words alone', () => {
    expect(texts('Code: github.com/acme/Repo.In the paper see v1.in use.')).toContain('github.com/acme/Repo.In');
    expect(tokenize('It uses github.com/acme/Repo.In the end it works.').sentences).toHaveLength(1);
  });

  it('splits a modal glued to a name that the text also writes alone ("S2-Attentioncan provide")', () => {
    const s = 'We train with S2-Attention. We show S2-Attentioncan provide a speed-up.';
    const { tokens } = tokenize(s);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['S2-Attention', 'can', 'provide']));
    expect(tokens.map((t) => t.text)).not.toContain('S2-Attentioncan');
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps a name ending in "can" whole when the text never writes the shorter name', () => {
    expect(texts('Models like MoE-Pelican provide gains.')).toContain('MoE-Pelican');
  });
});

describe('tokenize on text without sentence breaks', () => {
  // Later stages cost the square of a sentence's length; bounded sentences keep extraction linear in the text.
  it('cuts a sentence of 10,000 words into sentences of at most MAX_SENTENCE_TOKENS tokens, losing no word', () => {
    const source = 'x '.repeat(10_000);
    const { tokens, sentences } = tokenize(source);
    expect(tokens).toHaveLength(10_000);
    expect(sentences.length).toBeGreaterThanOrEqual(10_000 / MAX_SENTENCE_TOKENS);
    for (const s of sentences) expect(s.to - s.from).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(sentences.reduce((sum, s) => sum + (s.to - s.from), 0)).toBe(10_000);
    for (const [i, s] of sentences.entries()) for (let k = s.from; k < s.to; k++) expect(tokens[k]?.sentence).toBe(i);
  });

  it('leaves ordinary sentences whole', () => {
    const { sentences } = tokenize('We propose X-Net. It beats ResNet on ImageNet.');
    expect(sentences).toHaveLength(2);
  });
});

describe('parse', () => {
  it('gives the terms and tags of a full nlp(text) parse without its chunks', () => {
    const samples = [
      "We don't train it; it's what they'll use. Isn't GPT-4's O(n^2) cost e.g. 1.44times higher?",
      'Multi-Head Attention (MHA) on Wikitext-103 reaches 18.3 perplexity at https://github.com/a/b, 3x faster than ViT.',
      'The U.S. team, Dr. Smith et al. (2021), proposed a \u201cnovel\u201d approach -- see Fig. 3 -- with 95% accuracy.',
    ];
    const view = (d: { document: Array<Array<{ text: string; tags: Set<string> }>> }) => d.document.map((s) => s.map((t) => [t.text, [...t.tags].sort()]));
    for (const text of samples) expect(view(parse(text))).toEqual(view(nlp(text) as unknown as Parameters<typeof view>[0]));
  });
});
