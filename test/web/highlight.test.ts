import { highlightSegments } from '../../web/explore/highlight.js';

describe('highlightSegments', () => {
  const text = 'We propose FlashAttention-2 for the Transformer.';

  it('cuts the text so every highlighted segment is exactly the text at its offsets', () => {
    const mentions = [
      { start: 36, end: 47, id: 'transformer' },
      { start: 11, end: 27, id: 'flash' },
    ];
    const segments = highlightSegments(text, mentions);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const marked = segments.filter((s) => s.mention);
    expect(marked.map((s) => [s.mention?.id, s.text])).toEqual([
      ['flash', 'FlashAttention-2'],
      ['transformer', 'Transformer'],
    ]);
    for (const s of marked) expect(text.slice(s.mention!.start, s.mention!.end)).toBe(s.text);
  });

  it('keeps the earlier, then the longer, of overlapping mentions', () => {
    const segments = highlightSegments(text, [
      { start: 11, end: 25, id: 'short' },
      { start: 11, end: 27, id: 'long' },
      { start: 20, end: 30, id: 'overlapping' },
    ]);
    expect(segments.filter((s) => s.mention).map((s) => s.mention?.id)).toEqual(['long']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores offsets outside the text or empty', () => {
    const segments = highlightSegments('abc', [
      { start: 1, end: 9 },
      { start: 2, end: 2 },
      { start: -1, end: 1 },
    ]);
    expect(segments).toEqual([{ text: 'abc' }]);
  });
});
