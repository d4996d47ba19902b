import { createPapergraph } from '../src/index.js';

describe('the library entry', () => {
  it('ingests, extracts and answers GraphQL in-process without HTTP', async () => {
    const papergraph = await createPapergraph();
    try {
      const report = await papergraph.ingest([
        {
          id: 'flash',
          title: 'FlashAttention: Fast and Memory-Efficient Exact Attention',
          abstract: 'We propose FlashAttention, an IO-aware exact attention algorithm, and evaluate it on Long Range Arena.',
        },
        { id: 'bad', title: 'No abstract' },
      ]);
      expect(report.papers).toBe(1);
      expect(report.errors).toEqual([{ source: 'input', line: 2, message: 'abstract is required' }]);

      const response = await papergraph.execute({ query: '{ paper(id: "flash") { title concepts { concept { name } } } }' });
      expect(response.errors).toBeUndefined();
      const paper = (response.data as { paper: { title: string; concepts: { concept: { name: string } }[] } }).paper;
      expect(paper.title).toMatch(/^FlashAttention/);
      expect(paper.concepts.map((link) => link.concept.name)).toContain('FlashAttention');

      expect(papergraph.extract({ abstract: 'We propose FlashAttention.' }).concepts.map((c) => c.name)).toContain(
        'FlashAttention',
      );
      const related = await papergraph.relatedToText({ text: 'An exact attention algorithm evaluated on Long Range Arena.' });
      expect(related.map((r) => r.paperId)).toEqual(['flash']);
      expect(related[0]?.shared.map((c) => c.conceptId)).toContain('dataset:long-range-arena');
    } finally {
      await papergraph.close();
    }
  });

  it('refuses mutations when no API key is configured', async () => {
    const papergraph = await createPapergraph();
    try {
      const response = await papergraph.execute({ query: 'mutation { deletePaper(id: "x") }' });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    } finally {
      await papergraph.close();
    }
  });
});
