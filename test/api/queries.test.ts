import { createGraphQLExecutor, type GraphQLExecutor } from '../../src/api/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { conceptId, createSeededStore, PAPERS } from './fixtures.js';

let store: GraphStore;
let executor: GraphQLExecutor;

beforeAll(async () => {
  store = await createSeededStore();
  executor = createGraphQLExecutor({ store });
});
afterAll(() => executor.stop());

/** Runs an operation that must succeed, returning its data. */
async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await executor.execute({ query, ...(variables ? { variables } : {}) });
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const TRANSFORMER = conceptId('METHOD', 'Transformer');
const FLASH = conceptId('METHOD', 'FlashAttention');
const FLASH2 = conceptId('METHOD', 'FlashAttention-2');
const LRA = conceptId('DATASET', 'Long Range Arena');

describe('Query.paper', () => {
  it('returns the paper with its metadata and code links', async () => {
    const { paper } = await data(`{ paper(id: "flashattention-2") { id title abstract url published authors codeLinks } }`);
    expect(paper).toEqual({
      id: 'flashattention-2',
      title: PAPERS[3]!.title,
      abstract: PAPERS[3]!.abstract,
      url: null,
      published: '2023-07-17',
      authors: [],
      codeLinks: ['https://github.com/Dao-AILab/flash-attention'],
    });
    const { paper: attention } = await data(`{ paper(id: "attention") { url authors } }`);
    expect(attention).toEqual({ url: 'https://arxiv.org/abs/1706.03762', authors: ['Ashish Vaswani', 'Noam Shazeer'] });
  });

  it('returns null for an unknown id', async () => {
    expect(await data(`{ paper(id: "nope") { id } }`)).toEqual({ paper: null });
  });

  it('lists concepts with role, confidence, evidence and mentions whose offsets hold', async () => {
    const { paper } = await data(`{ paper(id: "bert") { title abstract concepts {
      role confidence evidence concept { id name type aliases } mentions { field start end text } } } }`);
    expect(paper.concepts.map((c: any) => c.concept.type)).toEqual(['METHOD', 'METHOD', 'TASK', 'TASK', 'DATASET', 'METRIC']);
    expect(paper.concepts[0]).toMatchObject({ role: 'PROPOSED', confidence: 0.9, concept: { name: 'BERT' } });
    expect(paper.concepts[0].concept.aliases).toEqual(['Bidirectional Encoder Representations from Transformers']);
    expect(paper.concepts[0].evidence).toBe(PAPERS[1]!.abstract);
    for (const link of paper.concepts) {
      for (const m of link.mentions) expect(paper[m.field].slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('filters its concepts by type', async () => {
    const { paper } = await data(`{ paper(id: "bert") { concepts(type: TASK) { concept { name type } } } }`);
    expect(paper.concepts.map((c: any) => c.concept.name)).toEqual(['machine translation', 'question answering']);
  });

  it('ranks related papers by weighted shared concepts, with the shared concepts and their weights', async () => {
    const { paper } = await data(`{ paper(id: "flashattention-2") { related(first: 10, by: CONCEPTS) {
      score paper { id } shared { id } sharedConcepts { weight concept { id } } } } }`);
    const related = paper.related;
    expect(related[0].paper.id).toBe('flashattention');
    expect(related.map((r: any) => r.paper.id)).not.toContain('detection-survey');
    expect(related[0].shared.map((c: any) => c.id).sort()).toEqual([FLASH, TRANSFORMER, LRA].sort());
    expect(related[0].sharedConcepts.map((s: any) => s.concept.id)).toEqual(related[0].shared.map((c: any) => c.id));
    // Rare concepts weigh more: Transformer is in 4 of 5 papers, Long Range Arena in 2.
    const weight = (id: string) => related[0].sharedConcepts.find((s: any) => s.concept.id === id).weight;
    expect(weight(LRA)).toBeGreaterThan(weight(TRANSFORMER));
    const scores = related.map((r: any) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThan(0);
  });

  it('restricts related papers by concept types and minimum shared concepts', async () => {
    const { paper } = await data(`{ paper(id: "flashattention-2") {
      datasets: related(types: [DATASET], by: CONCEPTS) { paper { id } shared { type } }
      two: related(minShared: 2) { paper { id } shared { id } }
      none: related(first: 0) { paper { id } } } }`);
    expect(paper.datasets.map((r: any) => r.paper.id)).toEqual(['flashattention']);
    expect(paper.datasets[0].shared).toEqual([{ type: 'DATASET' }]);
    for (const r of paper.two) expect(r.shared.length).toBeGreaterThanOrEqual(2);
    expect(paper.two.map((r: any) => r.paper.id)).toEqual(['flashattention']);
    expect(paper.none).toEqual([]);
  });

  it('ranks related papers by the hybrid by default, and explains each by its shared concepts and words', async () => {
    const { paper } = await data(`{ paper(id: "flashattention-2") {
      hybrid: related(first: 3) { score textScore paper { id } sharedConcepts { weight } sharedTerms { term weight } }
      text: related(first: 3, by: TEXT) { score textScore } } }`);
    expect(paper.hybrid[0].paper.id).toBe('flashattention');
    for (const r of paper.hybrid) {
      // 0.25 · the rarest shared concept's weight over that of a concept in one of the 5 papers + 0.75 · text.
      const specificity = r.sharedConcepts.length === 0 ? 0 : r.sharedConcepts[0].weight / Math.log(1 + 5);
      expect(r.score).toBeCloseTo(0.25 * specificity + 0.75 * r.textScore, 5);
    }
    expect(paper.hybrid[0].sharedTerms.length).toBeGreaterThan(0);
    const terms = paper.hybrid[0].sharedTerms.map((t: any) => t.term);
    expect(terms).toContain('flashattention');
    expect(paper.text[0].score).toBe(1);
    expect(paper.text.map((r: any) => r.score)).toEqual(paper.text.map((r: any) => r.textScore));
  });

  it('relates a text that is not in the graph, refusing bad arguments', async () => {
    const { relatedToText } = await data(`{ relatedToText(title: "Faster exact attention",
      text: "We propose an IO-aware exact attention algorithm, faster than FlashAttention on Long Range Arena.", first: 2) {
      score paper { id } shared { id } sharedTerms { term } } }`);
    expect(relatedToText).toHaveLength(2);
    expect(relatedToText.map((r: any) => r.paper.id)).toContain('flashattention');
    const refused = await executor.execute({ query: '{ relatedToText(text: "x", minShared: -1) { score } }' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Query.papers', () => {
  const ids = (connection: any) => connection.edges.map((e: any) => e.node.id);

  it('pages through papers with opaque cursors and Relay page info', async () => {
    const first = await data(`{ papers(first: 2) { totalCount edges { cursor node { id } } nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(first.papers.totalCount).toBe(5);
    expect(ids(first.papers)).toEqual(['detection-survey', 'attention']);
    expect(first.papers.nodes.map((n: any) => n.id)).toEqual(ids(first.papers));
    expect(first.papers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.papers.pageInfo.startCursor).toBe(first.papers.edges[0].cursor);
    expect(first.papers.pageInfo.endCursor).toBe(first.papers.edges[1].cursor);
    expect(first.papers.pageInfo.endCursor).not.toMatch(/^\d+$/);

    const all: string[] = [...ids(first.papers)];
    let after = first.papers.pageInfo.endCursor;
    for (;;) {
      const next = await data(`query($after: String) { papers(first: 2, after: $after) { edges { node { id } }
        pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after });
      expect(next.papers.pageInfo.hasPreviousPage).toBe(true);
      all.push(...ids(next.papers));
      if (!next.papers.pageInfo.hasNextPage) break;
      after = next.papers.pageInfo.endCursor;
    }
    expect(all).toEqual([
      'detection-survey',
      'attention',
      'bert',
      // Code-unit order: "FlashAttention-2:" sorts before "FlashAttention:".
      'flashattention-2',
      'flashattention',
    ]);
  });

  it('returns an empty page with null cursors past the end', async () => {
    const { papers } = await data(`{ papers(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } } }`);
    expect(papers).toEqual({ totalCount: 5, edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  it('searches title and abstract by whole words', async () => {
    const { a, b, none } = await data(`{
      a: papers(query: "flashattention") { totalCount edges { node { id } } }
      b: papers(query: "Transformer encoder") { edges { node { id } } }
      none: papers(query: "attent") { totalCount } }`);
    expect(ids(a)).toEqual(['flashattention-2', 'flashattention']);
    expect(ids(b)).toEqual(['bert']);
    expect(none.totalCount).toBe(0);
  });

  it('filters by all of, any of the concepts and by concept type', async () => {
    const result = await data(
      `query($all: [ID!], $any: [ID!]) {
        all: papers(allConcepts: $all) { edges { node { id } } }
        any: papers(anyConcepts: $any) { edges { node { id } } }
        types: papers(conceptTypes: [TASK]) { edges { node { id } } }
        combined: papers(anyConcepts: $any, query: "faster") { edges { node { id } } } }`,
      { all: [TRANSFORMER, LRA], any: [FLASH2, conceptId('DATASET', 'COCO')] },
    );
    expect(ids(result.all)).toEqual(['flashattention-2', 'flashattention']);
    expect(ids(result.any)).toEqual(['detection-survey', 'flashattention-2']);
    expect(ids(result.types)).toEqual(['detection-survey', 'attention', 'bert']);
    expect(ids(result.combined)).toEqual(['flashattention-2']);
  });

  it('sorts by title, newest, oldest and most concepts', async () => {
    const result = await data(`{
      title: papers(sort: TITLE) { edges { node { id } } }
      newest: papers(sort: NEWEST) { edges { node { id } } }
      oldest: papers(sort: OLDEST) { edges { node { id } } }
      most: papers(sort: MOST_CONCEPTS, first: 2) { edges { node { id } } } }`);
    expect(ids(result.newest)).toEqual(['flashattention-2', 'flashattention', 'bert', 'attention', 'detection-survey']);
    expect(ids(result.oldest)).toEqual(['attention', 'bert', 'flashattention', 'flashattention-2', 'detection-survey']);
    expect(ids(result.most)).toEqual(['bert', 'attention']);
    expect(ids(result.title)[0]).toBe('detection-survey');
  });
});

describe('concept queries', () => {
  it('Query.concept returns the concept with its paper count, or null', async () => {
    const result = await data(`query($id: ID!) { concept(id: $id) { id name type aliases paperCount } missing: concept(id: "method:nope") { id } }`, {
      id: LRA,
    });
    expect(result).toEqual({
      concept: { id: LRA, name: 'Long Range Arena', type: 'DATASET', aliases: ['LRA'], paperCount: 2 },
      missing: null,
    });
  });

  it('Query.conceptByName resolves the name or any alias, ignoring case', async () => {
    const result = await data(`{ a: conceptByName(name: "lra") { id } b: conceptByName(name: "long range arena") { id }
      c: conceptByName(name: "MS-COCO") { name } d: conceptByName(name: "no such thing") { id } }`);
    expect(result).toEqual({ a: { id: LRA }, b: { id: LRA }, c: { name: 'COCO' }, d: null });
  });

  it('Query.concepts searches, filters by type and pages, most papers first', async () => {
    const result = await data(`{
      all: concepts(first: 3) { totalCount edges { node { name paperCount } } pageInfo { hasNextPage endCursor } }
      methods: concepts(type: METHOD) { totalCount nodes { name } }
      search: concepts(query: "attention") { nodes { id } } }`);
    expect(result.all.totalCount).toBe(16);
    expect(result.all.edges.map((e: any) => e.node.name)).toEqual(['Transformer', 'FlashAttention', 'Long Range Arena']);
    expect(result.all.pageInfo.hasNextPage).toBe(true);
    expect(result.methods.nodes.map((n: any) => n.name)).toEqual([
      'Transformer',
      'FlashAttention',
      'BERT',
      'FlashAttention-2',
      'self-attention',
    ]);
    expect(result.search.nodes.map((n: any) => n.id)).toEqual([FLASH, FLASH2, conceptId('METHOD', 'self-attention')]);
    const next = await data(`query($after: String) { concepts(first: 3, after: $after) { nodes { name } } }`, {
      after: result.all.pageInfo.endCursor,
    });
    expect(next.concepts.nodes[0].name).toBe('machine translation');
  });

  it('Concept.papers pages the papers mentioning it by title', async () => {
    const { concept } = await data(`query($id: ID!) { concept(id: $id) { papers(first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }`, {
      id: TRANSFORMER,
    });
    expect(concept.papers.totalCount).toBe(4);
    expect(concept.papers.edges.map((e: any) => e.node.id)).toEqual(['attention', 'bert', 'flashattention-2']);
    expect(concept.papers.pageInfo.hasNextPage).toBe(true);
  });

  it('Concept.related lists co-occurring concepts with counts', async () => {
    const { concept } = await data(`query($id: ID!) { concept(id: $id) { related(first: 3) { count concept { id } } datasets: related(type: DATASET) { count concept { id } } } }`, {
      id: TRANSFORMER,
    });
    expect(concept.related).toEqual([
      { count: 2, concept: { id: LRA } },
      { count: 2, concept: { id: FLASH } },
      { count: 2, concept: { id: conceptId('TASK', 'machine translation') } },
    ]);
    expect(concept.related).toHaveLength(3);
    expect(concept.datasets[0]).toEqual({ count: 2, concept: { id: LRA } });
    expect(concept.datasets.every((r: any) => r.concept.id.startsWith('dataset:'))).toBe(true);
  });

  it('Concept.broader and narrower follow the extracted hierarchy', async () => {
    const result = await data(`query($flash: ID!, $flash2: ID!) {
      flash: concept(id: $flash) { broader { id } narrower { id name } }
      flash2: concept(id: $flash2) { broader { id name } narrower { id } } }`, { flash: FLASH, flash2: FLASH2 });
    expect(result).toEqual({
      flash: { broader: null, narrower: [{ id: FLASH2, name: 'FlashAttention-2' }] },
      flash2: { broader: { id: FLASH, name: 'FlashAttention' }, narrower: [] },
    });
  });

  it('Concept.timeline counts dated papers per year and per month', async () => {
    const { concept } = await data(`query($id: ID!) { concept(id: $id) { years: timeline { period count } months: timeline(granularity: MONTH) { period count } } }`, {
      id: TRANSFORMER,
    });
    expect(concept.years).toEqual([
      { period: '2017', count: 1 },
      { period: '2018', count: 1 },
      { period: '2022', count: 1 },
      { period: '2023', count: 1 },
    ]);
    expect(concept.months.map((b: any) => b.period)).toEqual(['2017-06', '2018-10', '2022-05', '2023-07']);
  });
});

describe('dashboard queries', () => {
  it('Query.stats counts papers, concepts, mentions and concepts by type', async () => {
    const { stats } = await data(`{ stats { papers concepts mentions byType { type count } } }`);
    expect(stats).toMatchObject({ papers: 5, concepts: 16 });
    expect(stats.mentions).toBeGreaterThanOrEqual(24);
    expect(stats.byType).toEqual([
      { type: 'METHOD', count: 5 },
      { type: 'TASK', count: 3 },
      { type: 'DATASET', count: 4 },
      { type: 'METRIC', count: 4 },
    ]);
  });

  it('Query.topConcepts ranks by paper count, optionally per type', async () => {
    const result = await data(`{ all: topConcepts(first: 2) { name paperCount } datasets: topConcepts(type: DATASET, first: 1) { name } }`);
    expect(result).toEqual({
      all: [
        { name: 'Transformer', paperCount: 4 },
        { name: 'FlashAttention', paperCount: 2 },
      ],
      datasets: [{ name: 'Long Range Arena' }],
    });
  });

  it('Query.cooccurrence gives the matrix as rows, columns, cells and dense counts', async () => {
    const { cooccurrence } = await data(`{ cooccurrence(rowType: METHOD, columnType: DATASET, first: 2) {
      rows { name } columns { name } cells { row { name } column { name } count } counts } }`);
    expect(cooccurrence.rows.map((r: any) => r.name)).toEqual(['Transformer', 'FlashAttention']);
    expect(cooccurrence.columns.map((c: any) => c.name)).toEqual(['Long Range Arena', 'COCO']);
    expect(cooccurrence.counts).toEqual([
      [2, 0],
      [2, 0],
    ]);
    expect(cooccurrence.cells).toEqual([
      { row: { name: 'Transformer' }, column: { name: 'Long Range Arena' }, count: 2 },
      { row: { name: 'FlashAttention' }, column: { name: 'Long Range Arena' }, count: 2 },
    ]);
  });
});

describe('Query.extract', () => {
  it('runs extraction on a text and stores nothing', async () => {
    const before = await store.stats();
    const title = 'Scaling the Transformer';
    const text = 'We train a Transformer for language modeling and report perplexity on ImageNet captions.';
    const { extract } = await data(
      `query($text: String!, $title: String) { extract(text: $text, title: $title) {
        codeLinks concepts { id name type aliases role confidence evidence broader mentions { field start end text } } } }`,
      { text, title },
    );
    expect(extract.concepts.length).toBeGreaterThan(0);
    expect(extract.concepts.map((c: any) => c.name)).toContain('Transformer');
    for (const concept of extract.concepts) {
      expect(['PROPOSED', 'USED']).toContain(concept.role);
      expect(concept.confidence).toBeGreaterThanOrEqual(0);
      expect(concept.confidence).toBeLessThanOrEqual(1);
      for (const m of concept.mentions) expect((m.field === 'title' ? title : text).slice(m.start, m.end)).toBe(m.text);
    }
    expect(await store.stats()).toEqual(before);
  });

  it('accepts a text without a title', async () => {
    const { extract } = await data(`{ extract(text: "Code: https://github.com/a/b") { codeLinks } }`);
    expect(extract.codeLinks).toEqual(['https://github.com/a/b']);
  });
});
