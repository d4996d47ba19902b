import { afterEach, describe, expect, it } from '@jest/globals';
import { PapergraphError } from '../../src/errors/index.js';
import { FIRST_STAGE_PAPERS, FIRST_STAGE_TERMS, QUERY_TERM_MAX_SHARE, hybridScore, textQueryTerms } from '../../src/graph/index.js';
import type { AnalyzedPaper, GraphStore, Page, PageKey, RelatedPaperResult, StoredConcept } from '../../src/graph/index.js';
import { corpus, hubCorpus, makePaper } from './fixtures.js';

export interface MakeStoreOptions {
  conceptBudget?: number;
  queryTermMaxShare?: number;
  twoStageTextMinPapers?: number;
}

/** Returns a store over an empty graph, initialized. */
export type MakeStore = (options?: MakeStoreOptions) => Promise<GraphStore>;

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
/** Lucene's limit on a query's clauses, nested ones included. */
const MAX_LUCENE_CLAUSES = 1_024;
const w = (n: number, paperCount: number) => Math.log(1 + n / paperCount);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The answer of a batch read asked about one id, for tests about the answer rather than the batching. */
async function only<T>(answers: Promise<T[]>): Promise<T> {
  const all = await answers;
  expect(all).toHaveLength(1);
  return all[0] as T;
}

async function rejection(promise: Promise<unknown>): Promise<PapergraphError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PapergraphError);
    return error as PapergraphError;
  }
  throw new Error('expected a rejection');
}

/** Everything a reader can see, for comparing whole graphs. */
export async function snapshot(store: GraphStore): Promise<unknown> {
  const papers = await store.listPapers({ first: 1000 });
  const concepts = await store.listConcepts({ first: 1000 });
  return {
    stats: await store.stats(),
    papers,
    concepts,
    links: await store.getPaperConcepts(ids(papers.items)),
    // One at a time: hundreds of lookups at once would be refused by the Neo4j store's read gate (BUSY).
    keys: await concepts.items
      .flatMap((c) => [c.name, ...c.aliases])
      .reduce<Promise<(string | undefined)[]>>(async (done, name) => [...(await done), (await store.findConceptByName(name))?.id], Promise.resolve([])),
  };
}

/**
 * The behaviour every `GraphStore` must have, exactly as `src/graph/graph-store.ts` and `types.ts` state it.
 * Run by test/graph/memory-store.test.ts and test/graph/neo4j-store.int.test.ts.
 */
export function describeStoreContract(name: string, make: MakeStore): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore | undefined;
    const open = async (options?: MakeStoreOptions) => {
      store = await make(options);
      return store;
    };
    const withCorpus = async () => {
      const s = await open();
      await s.upsertPapers(corpus());
      return s;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    describe('lifecycle', () => {
      it('answers ping and survives a second init', async () => {
        const s = await open();
        await s.init();
        expect(await s.ping()).toBe(true);
        expect(['memory', 'neo4j']).toContain(s.kind);
      });
    });

    describe('writes', () => {
      it('reports distinct papers and concepts written, and the same again on a re-write', async () => {
        const s = await open();
        expect(await s.upsertPapers(corpus())).toEqual({ papers: 9, concepts: 12 });
        const before = await snapshot(s);
        expect(await s.upsertPapers(corpus())).toEqual({ papers: 9, concepts: 12 });
        expect(await snapshot(s)).toEqual(before);
      });

      it('writes an empty batch as a no-op', async () => {
        const s = await withCorpus();
        const before = await snapshot(s);
        expect(await s.upsertPapers([])).toEqual({ papers: 0, concepts: 0 });
        expect(await snapshot(s)).toEqual(before);
      });

      it('keeps every paper property (categories and DOI included) and the code links', async () => {
        const s = await withCorpus();
        const [p1, p5] = await s.getPapers(['p1', 'p5']);
        expect(p1).toEqual({
          id: 'p1',
          title: 'BERT for Question Answering',
          abstract: 'We fine-tune BERT, a Transformer encoder, on SQuAD. We report F1 and Accuracy against GPT-4.',
          url: 'https://example.org/p1',
          published: '2019-05-10',
          authors: ['Ada Lovelace', 'Alan Turing'],
          categories: ['cs.CL', 'cs.LG'],
          doi: '10.1000/p1.2019',
          codeLinks: ['https://github.com/example/p1'],
        });
        expect(p5).toMatchObject({ url: null, published: null, authors: [], categories: [], doi: null, codeLinks: [] });
      });

      it('replaces categories and DOI on a re-write, and takes a paper written without them as having none', async () => {
        const s = await withCorpus();
        const p1 = corpus()[0] as AnalyzedPaper;
        await s.upsertPapers([{ ...p1, categories: ['stat.ML'], doi: null }]);
        expect(await s.getPapers(['p1'])).toEqual([expect.objectContaining({ categories: ['stat.ML'], doi: null })]);
        // A caller built before papers had them (plain JavaScript, or an old library user) leaves both out.
        const { categories: _c, doi: _d, ...old } = p1;
        await s.upsertPapers([old as AnalyzedPaper]);
        expect(await s.getPapers(['p1'])).toEqual([expect.objectContaining({ categories: [], doi: null })]);
      });

      it('keeps links with role, confidence, evidence and every mention', async () => {
        const s = await withCorpus();
        const [links] = await s.getPaperConcepts(['p2']);
        const fa2 = links?.find((l) => l.conceptId === 'method:flashattention-2');
        expect(fa2).toEqual({
          paperId: 'p2',
          conceptId: 'method:flashattention-2',
          role: 'PROPOSED',
          confidence: 0.95,
          mentions: [
            { field: 'title', start: 0, end: 16, text: 'FlashAttention-2' },
            { field: 'abstract', start: 11, end: 27, text: 'FlashAttention-2' },
          ],
          evidence: corpus()[1]?.abstract,
        });
      });

      it('sorts a link’s mentions by field then start even when given unsorted', async () => {
        const s = await open();
        const paper = makePaper({ id: 'x', title: 'BERT', abstract: 'BERT and BERT' }, [
          { id: 'method:bert', name: 'BERT', type: 'METHOD' },
        ]);
        paper.extraction.concepts[0]?.mentions.reverse();
        await s.upsertPapers([paper]);
        const [links] = await s.getPaperConcepts(['x']);
        expect(links?.[0]?.mentions.map((m) => `${m.field}:${m.start}`)).toEqual(['title:0', 'abstract:0', 'abstract:9']);
      });

      it('replaces a re-written paper’s properties and links, removing concepts left without papers', async () => {
        const s = await withCorpus();
        await s.upsertPapers([
          makePaper({ id: 'p4', title: 'Summarization Revisited', abstract: 'We use BERT for summarization.' }, [
            { id: 'task:summarization', name: 'Summarization', type: 'TASK', surfaces: ['Summarization', 'summarization'] },
            { id: 'method:bert', name: 'BERT', type: 'METHOD' },
          ]),
        ]);
        const [p4] = await s.getPapers(['p4']);
        expect(p4).toMatchObject({ title: 'Summarization Revisited', published: null });
        const [links] = await s.getPaperConcepts(['p4']);
        expect(links?.map((l) => l.conceptId)).toEqual(['method:bert', 'task:summarization']);
        const [rouge, transformer, bert] = await s.getConcepts(['metric:rouge', 'method:transformer', 'method:bert']);
        expect(rouge).toBeNull();
        expect(transformer?.paperCount).toBe(3);
        expect(bert?.paperCount).toBe(4);
        expect((await s.stats()).concepts).toBe(11);
        expect(await s.findConceptByName('ROUGE')).toBeNull();
      });

      it('lets the last of duplicate ids in one batch win', async () => {
        const s = await open();
        const first = makePaper({ id: 'd', title: 'First BERT', abstract: 'BERT.' }, [
          { id: 'method:bert', name: 'BERT', type: 'METHOD' },
        ]);
        const last = makePaper({ id: 'd', title: 'Last LoRA', abstract: 'LoRA.' }, [
          { id: 'method:lora', name: 'LoRA', type: 'METHOD' },
        ]);
        expect(await s.upsertPapers([first, last])).toEqual({ papers: 1, concepts: 1 });
        expect((await s.getPapers(['d']))[0]?.title).toBe('Last LoRA');
        expect(await s.getConcepts(['method:bert', 'method:lora'])).toEqual([
          null,
          expect.objectContaining({ id: 'method:lora', paperCount: 1 }),
        ]);
      });

      it('keeps a concept’s first name, merges aliases in first-seen order without the name', async () => {
        const s = await withCorpus();
        const [qa] = await s.getConcepts(['task:question-answering']);
        expect(qa).toEqual({
          id: 'task:question-answering',
          name: 'Question Answering',
          type: 'TASK',
          aliases: ['QA', 'Question Answering Systems'],
          broader: null,
          paperCount: 3,
        });
        // A later paper naming it differently adds its aliases but not its name.
        await s.upsertPapers([
          makePaper({ id: 'q', title: 'Open QA', abstract: 'Open-domain QA.' }, [
            { id: 'task:question-answering', name: 'Open QA', type: 'TASK', surfaces: ['QA'], aliases: ['QA', 'ODQA'] },
          ]),
        ]);
        expect((await s.getConcepts(['task:question-answering']))[0]).toMatchObject({
          name: 'Question Answering',
          aliases: ['QA', 'Question Answering Systems', 'ODQA'],
          paperCount: 4,
        });
      });

      it('merges aliases across papers of one batch the same as across batches', async () => {
        const [a, b] = [
          makePaper({ id: 'a', title: 'BERT', abstract: 'BERT.' }, [
            { id: 'method:bert', name: 'BERT', type: 'METHOD', aliases: ['B1', 'B2'] },
          ]),
          makePaper({ id: 'b', title: 'Bert', abstract: 'Bert.' }, [
            { id: 'method:bert', name: 'Bert', type: 'METHOD', aliases: ['BERT', 'B3', 'B1'] },
          ]),
        ];
        const one = await open();
        await one.upsertPapers([a as AnalyzedPaper, b as AnalyzedPaper]);
        const together = (await one.getConcepts(['method:bert']))[0];
        await one.close();
        const two = await open();
        await two.upsertPapers([a as AnalyzedPaper]);
        await two.upsertPapers([b as AnalyzedPaper]);
        const apart = (await two.getConcepts(['method:bert']))[0];
        expect(together).toEqual({ id: 'method:bert', name: 'BERT', type: 'METHOD', aliases: ['B1', 'B2', 'B3'], broader: null, paperCount: 2 });
        expect(apart).toEqual(together);
      });

      describe('refuses a bad batch before writing anything', () => {
        const cases: [string, (p: AnalyzedPaper) => void][] = [
          ['a mention whose offsets do not give its text', (p) => {
            const mention = p.extraction.concepts[0]?.mentions[0];
            if (mention) mention.start += 1;
          }],
          ['a mention past the end of its field', (p) => {
            const mention = p.extraction.concepts[0]?.mentions[0];
            if (mention) mention.end = 10_000;
          }],
          ['a concept of an unknown type', (p) => {
            (p.extraction.concepts[0] as { type: string }).type = 'MODEL';
          }],
          ['a concept id that does not match its type', (p) => {
            (p.extraction.concepts[0] as { id: string }).id = 'task:bert';
          }],
          ['a confidence above 1', (p) => {
            (p.extraction.concepts[0] as { confidence: number }).confidence = 1.5;
          }],
          ['an impossible date', (p) => {
            p.published = '2023-02-30';
          }],
          ['an unknown role', (p) => {
            (p.extraction.concepts[0] as { role: string }).role = 'INVENTED';
          }],
          ['an empty mention list', (p) => {
            (p.extraction.concepts[0] as { mentions: unknown[] }).mentions = [];
          }],
        ];
        it.each(cases)('%s', async (_label, spoil) => {
          const s = await withCorpus();
          const before = await snapshot(s);
          const bad = makePaper({ id: 'bad', title: 'BERT again', abstract: 'BERT.' }, [
            { id: 'method:bert', name: 'BERT', type: 'METHOD' },
          ]);
          spoil(bad);
          const good = makePaper({ id: 'good', title: 'New LoRA', abstract: 'LoRA.' }, [
            { id: 'method:lora', name: 'LoRA', type: 'METHOD' },
          ]);
          const error = await rejection(s.upsertPapers([good, bad]));
          expect(error.code).toBe('BAD_USER_INPUT');
          expect(error.message).toContain('"bad"');
          expect(await snapshot(s)).toEqual(before);
          expect(await s.getPapers(['good', 'bad'])).toEqual([null, null]);
        });
      });
    });

    describe('deletePaper', () => {
      it('removes the paper and only the concepts no other paper mentions', async () => {
        const s = await withCorpus();
        expect(await s.deletePaper('p4')).toBe(true);
        expect(await s.getPapers(['p4'])).toEqual([null]);
        expect(await s.getPaperConcepts(['p4'])).toEqual([[]]);
        const [summarization, rouge, transformer] = await s.getConcepts([
          'task:summarization',
          'metric:rouge',
          'method:transformer',
        ]);
        expect([summarization, rouge]).toEqual([null, null]);
        expect(transformer?.paperCount).toBe(3);
        expect(await s.stats()).toMatchObject({ papers: 8, concepts: 10 });
        expect((await s.listPapers({ first: 10, filter: { query: 'rouge' } })).totalCount).toBe(0);
      });

      it('answers false for an unknown paper and changes nothing', async () => {
        const s = await withCorpus();
        const before = await snapshot(s);
        expect(await s.deletePaper('nope')).toBe(false);
        expect(await snapshot(s)).toEqual(before);
      });
    });

    describe('batch lookups', () => {
      it('getPapers and getConcepts answer in the order given, null for unknown, repeats included', async () => {
        const s = await withCorpus();
        expect((await s.getPapers(['p3', 'zzz', 'p1', 'p3'])).map((p) => p?.id ?? null)).toEqual(['p3', null, 'p1', 'p3']);
        expect((await s.getConcepts(['metric:f1', 'nope', 'method:lora'])).map((c) => c?.id ?? null)).toEqual([
          'metric:f1',
          null,
          'method:lora',
        ]);
        expect(await s.getPapers([])).toEqual([]);
      });

      it('getPaperConcepts sorts by type order, role (PROPOSED first), then id, and filters by type', async () => {
        const s = await withCorpus();
        const [p2, unknown, p1] = await s.getPaperConcepts(['p2', 'nope', 'p1']);
        expect(p2?.map((l) => l.conceptId)).toEqual([
          'method:flashattention-2',
          'method:flashattention',
          'method:transformer',
          'dataset:imagenet',
          'metric:accuracy',
        ]);
        expect(unknown).toEqual([]);
        expect(p1?.map((l) => l.conceptId)).toEqual([
          'method:bert',
          'method:transformer',
          'task:question-answering',
          'dataset:squad',
          'metric:accuracy',
          'metric:f1',
        ]);
        const [filtered] = await s.getPaperConcepts(['p1'], ['METRIC', 'TASK']);
        expect(filtered?.map((l) => l.conceptId)).toEqual(['task:question-answering', 'metric:accuracy', 'metric:f1']);
      });
    });

    describe('batch reads of neighbourhoods', () => {
      const paperIds = ['p3', 'nope', 'p1', 'p6', 'p3', 'a-dup'];
      const conceptIds = ['method:transformer', 'nope', 'method:flashattention', 'dataset:squad', 'method:transformer'];
      /** Each id asked alone, in order: what the batch must answer. */
      const oneByOne = <T>(ids: readonly string[], read: (ids: string[]) => Promise<T[]>) =>
        Promise.all(ids.map((id) => only(read([id]))));

      it('answer several ids at once exactly as each id alone, in the order given, unknown and repeated ids included', async () => {
        const s = await withCorpus();
        const reads: [readonly string[], (ids: string[]) => Promise<unknown[]>][] = [
          [paperIds, (batch) => s.getRelatedPapers(batch, { first: 3, by: 'CONCEPTS' })],
          [paperIds, (batch) => s.getRelatedPapers(batch, { first: 10, types: ['METHOD', 'DATASET'], minShared: 2 })],
          [paperIds, (batch) => s.getRelatedPapers(batch, { first: 4 })],
          [conceptIds, (batch) => s.getRelatedConcepts(batch, { first: 2, type: 'METRIC' })],
          [conceptIds, (batch) => s.getConceptPapers(batch, { first: 2, offset: 1 })],
          [conceptIds, (batch) => s.getNarrowerConcepts(batch)],
          [conceptIds, (batch) => s.conceptTimeline(batch, 'MONTH')],
        ];
        for (const [ids, read] of reads) {
          const batch = await read([...ids]);
          expect(batch).toEqual(await oneByOne(ids, read));
        }
        // Not vacuous: the answers have content where the ids have neighbours.
        const [p3, unknown, p1, p6] = await s.getRelatedPapers(paperIds, { first: 3, by: 'CONCEPTS' });
        expect([p3?.length, unknown, p1?.map((r) => r.paperId), p6]).toEqual([3, [], ['p3', 'a-dup', 'p5'], []]);
        const [transformer, none] = await s.getConceptPapers(conceptIds, { first: 2, offset: 1 });
        expect([ids(transformer?.items ?? []), transformer?.totalCount, none]).toEqual([['p1', 'p2'], 4, { items: [], totalCount: 0, keys: [] }]);
      });

      it('give a repeated id its own copy, so changing one answer leaves the other', async () => {
        const s = await withCorpus();
        const [first, second] = await s.getRelatedPapers(['p1', 'p1'], { first: 2 });
        first?.[0]?.shared.pop();
        expect(second).toEqual(await only(s.getRelatedPapers(['p1'], { first: 2 })));
        const [narrower, sameNarrower] = await s.getNarrowerConcepts(['method:flashattention', 'method:flashattention']);
        narrower?.[0]?.aliases.push('changed');
        expect(sameNarrower?.[0]?.aliases).toEqual([]);
      });

      it('answer an empty list of ids with an empty list, after checking the other arguments', async () => {
        const s = await withCorpus();
        expect(await s.getRelatedPapers([], { first: 5 })).toEqual([]);
        expect(await s.getRelatedConcepts([], { first: 5 })).toEqual([]);
        expect(await s.getConceptPapers([], { first: 5 })).toEqual([]);
        expect(await s.getNarrowerConcepts([])).toEqual([]);
        expect(await s.conceptTimeline([], 'YEAR')).toEqual([]);
        const refused = [
          () => s.getRelatedPapers([], { first: -1 }),
          () => s.getRelatedPapers([], { first: 1, types: ['MODEL' as never] }),
          () => s.getRelatedPapers([], { first: 1, by: 'SIMILAR' as never }),
          () => s.getRelatedConcepts([], { first: 1, type: 'MODEL' as never }),
          () => s.getConceptPapers([], { first: 1, offset: -1 }),
          () => s.conceptTimeline([], 'DAY' as never),
        ];
        for (const call of refused) expect((await rejection(call())).code).toBe('BAD_USER_INPUT');
      });

      it('rank related papers of several sources in one batch as each alone, under the candidate budget', async () => {
        const s = await open({ conceptBudget: 4 });
        await s.upsertPapers(hubCorpus());
        const sources = ['h3', 'h1', 'nope', 'h6', 'h2', 'h5', 'h3'];
        for (const by of ['HYBRID', 'CONCEPTS', 'TEXT'] as const) {
          const batch = await s.getRelatedPapers(sources, { first: 10, by });
          expect(batch).toEqual(await oneByOne(sources, (one) => s.getRelatedPapers(one, { first: 10, by })));
        }
        const batch = await s.getRelatedPapers(sources, { first: 10 });
        // No shared words: the hybrid ranks by the rarest shared concept (Hub B for all of h3's), ties by id.
        expect(batch.map((related) => related.map((r) => r.paperId))).toEqual([
          ['h1', 'h4', 'h6'],
          ['h2'],
          [],
          ['h1', 'h3', 'h4'],
          ['h1'],
          [],
          ['h1', 'h4', 'h6'],
        ]);
      });
    });

    describe('findConceptByName', () => {
      it('resolves a name or an alias under canonicalKey (case, plural, hyphen/space)', async () => {
        const s = await withCorpus();
        expect((await s.findConceptByName('bert'))?.id).toBe('method:bert');
        expect((await s.findConceptByName('Low Rank Adaptations'))?.id).toBe('method:lora');
        expect((await s.findConceptByName('qa'))?.id).toBe('task:question-answering');
        expect((await s.findConceptByName('question answering systems'))?.id).toBe('task:question-answering');
        expect(await s.findConceptByName('GPT-4')).toBeNull();
      });

      it('prefers the concept with most papers, then the lowest id', async () => {
        const s = await open();
        const paper = (id: string, type: 'METHOD' | 'TASK' | 'DATASET') =>
          makePaper({ id, title: `Mamba ${id}`, abstract: 'Mamba.' }, [
            { id: `${type.toLowerCase()}:mamba`, name: 'Mamba', type },
          ]);
        await s.upsertPapers([paper('a', 'TASK'), paper('b', 'METHOD')]);
        expect((await s.findConceptByName('MAMBA'))?.id).toBe('method:mamba');
        await s.upsertPapers([paper('c', 'TASK')]);
        expect((await s.findConceptByName('mamba'))?.id).toBe('task:mamba');
        await s.upsertPapers([paper('d', 'DATASET'), paper('e', 'DATASET')]);
        expect((await s.findConceptByName('mamba'))?.id).toBe('dataset:mamba');
      });
    });

    describe('listPapers', () => {
      const titles = async (s: GraphStore, options: Parameters<GraphStore['listPapers']>[0]) =>
        (await s.listPapers(options)).items.map((p) => p.id);

      it('sorts by title in code-unit order by default, ties by id', async () => {
        const s = await withCorpus();
        expect(await titles(s, { first: 20 })).toEqual(['p6', 'p4', 'a-dup', 'p1', 'p2', 'p7', 'p3', 'p5', 'p8']);
      });

      it('sorts NEWEST and OLDEST with undated papers last in both, ties by id', async () => {
        const s = await withCorpus();
        expect(await titles(s, { first: 20, sort: 'NEWEST' })).toEqual(['p2', 'p7', 'p3', 'p6', 'p4', 'p8', 'a-dup', 'p1', 'p5']);
        expect(await titles(s, { first: 20, sort: 'OLDEST' })).toEqual(['a-dup', 'p1', 'p8', 'p4', 'p6', 'p3', 'p7', 'p2', 'p5']);
      });

      it('sorts MOST_CONCEPTS by linked concepts descending, ties by id', async () => {
        const s = await withCorpus();
        expect(await titles(s, { first: 20, sort: 'MOST_CONCEPTS' })).toEqual(['p1', 'p2', 'p3', 'p4', 'a-dup', 'p5', 'p7', 'p8', 'p6']);
      });

      it('pages with offsets and reports the total of all matches', async () => {
        const s = await withCorpus();
        const page = await s.listPapers({ first: 3, offset: 2 });
        expect(page.totalCount).toBe(9);
        expect(page.items.map((p) => p.id)).toEqual(['a-dup', 'p1', 'p2']);
        expect(await s.listPapers({ first: 5, offset: 8 })).toMatchObject({ totalCount: 9, items: [{ id: 'p8' }] });
        expect(await s.listPapers({ first: 5, offset: 20 })).toEqual({ totalCount: 9, items: [], keys: [] });
        expect(await s.listPapers({ first: 0 })).toEqual({ totalCount: 9, items: [], keys: [] });
      });

      it('refuses a negative or fractional page', async () => {
        const s = await withCorpus();
        expect((await rejection(s.listPapers({ first: -1 }))).code).toBe('BAD_USER_INPUT');
        expect((await rejection(s.listPapers({ first: 2, offset: 1.5 }))).code).toBe('BAD_USER_INPUT');
      });

      it('filters by all of, any of, and concept types, combined', async () => {
        const s = await withCorpus();
        expect(await titles(s, { first: 20, filter: { allConcepts: ['method:bert', 'dataset:squad'] } })).toEqual(['a-dup', 'p1']);
        expect(await titles(s, { first: 20, filter: { allConcepts: ['method:bert', 'nope'] } })).toEqual([]);
        expect(await titles(s, { first: 20, filter: { anyConcepts: ['metric:rouge', 'method:lora', 'nope'] } })).toEqual(['p4', 'p3']);
        expect(await titles(s, { first: 20, filter: { conceptTypes: ['TASK'] } })).toEqual(['p4', 'p1', 'p3', 'p5']);
        expect(
          await titles(s, { first: 20, filter: { allConcepts: ['metric:accuracy'], anyConcepts: ['dataset:imagenet', 'task:question-answering'], conceptTypes: ['METHOD'] } }),
        ).toEqual(['p1', 'p2']);
        const page = await s.listPapers({ first: 1, offset: 1, filter: { conceptTypes: ['TASK'] }, sort: 'NEWEST' });
        expect(page).toMatchObject({ totalCount: 4, items: [{ id: 'p4' }] });
      });

      it('treats empty any-of and type lists as matching nothing, an empty all-of as no condition', async () => {
        const s = await withCorpus();
        expect((await s.listPapers({ first: 20, filter: { anyConcepts: [] } })).totalCount).toBe(0);
        expect((await s.listPapers({ first: 20, filter: { conceptTypes: [] } })).totalCount).toBe(0);
        expect((await s.listPapers({ first: 20, filter: { allConcepts: [] } })).totalCount).toBe(9);
      });

      it('full-text: every term must be a whole token of title or abstract, case-insensitively', async () => {
        const s = await withCorpus();
        const q = (query: string) => titles(s, { first: 20, filter: { query } });
        expect(await q('bert')).toEqual(['a-dup', 'p1', 'p8']);
        expect(await q('BERT squad')).toEqual(['a-dup', 'p1']);
        expect(await q('transformer')).toEqual(['p4', 'p1', 'p2', 'p3']);
        expect(await q('transformers')).toEqual(['p4', 'p5']);
        expect(await q('transform')).toEqual([]);
        expect(await q('GPT-4')).toEqual(['p1']);
        expect(await q('gpt 4')).toEqual(['p1']);
        expect(await q('4')).toEqual(['p1']);
        expect(await q("OAT's")).toEqual(['p3']);
        expect(await q('oat')).toEqual(['p3']);
        expect(await q('flashattention 2')).toEqual(['p2']);
        expect(await q('question answering accuracy')).toEqual(['p1']);
        expect(await q('low-rank NOT')).toEqual([]);
        expect(await q('"Rank" (*)')).toEqual(['p3']);
      });

      it('full-text: a query without letters or digits matches every paper; it combines with filters', async () => {
        const s = await withCorpus();
        expect((await s.listPapers({ first: 20, filter: { query: ' -- !! ' } })).totalCount).toBe(9);
        expect((await s.listPapers({ first: 20, filter: { query: '' } })).totalCount).toBe(9);
        const page = await s.listPapers({ first: 1, filter: { query: 'accuracy', conceptTypes: ['DATASET'] }, sort: 'OLDEST' });
        expect(page).toMatchObject({ totalCount: 3, items: [{ id: 'p1' }] });
      });

      it('full-text follows a paper’s rewrite', async () => {
        const s = await withCorpus();
        await s.upsertPapers([makePaper({ id: 'p7', title: 'Retitled', abstract: 'Nothing.' })]);
        expect((await s.listPapers({ first: 20, filter: { query: 'revisit' } })).totalCount).toBe(0);
        expect((await s.listPapers({ first: 20, filter: { query: 'retitled' } })).items.map((p) => p.id)).toEqual(['p7']);
      });
    });

    describe('keyset pages', () => {
      /** Every item of a list, walked `size` at a time by passing each page's last key as `after`. */
      async function walk<T extends { id: string }>(read: (after: PageKey | undefined) => Promise<Page<T>>): Promise<string[]> {
        const seen: string[] = [];
        let after: PageKey | undefined;
        for (let guard = 0; guard < 50; guard++) {
          const page = await read(after);
          expect(page.keys).toHaveLength(page.items.length);
          seen.push(...ids(page.items));
          if (page.items.length === 0) return seen;
          after = page.keys?.[page.keys.length - 1];
        }
        throw new Error('the walk did not end');
      }

      it('walking a paper list with each page’s last key gives the whole order, in every sort, filtered or not', async () => {
        const s = await withCorpus();
        for (const sort of ['TITLE', 'NEWEST', 'OLDEST', 'MOST_CONCEPTS'] as const) {
          for (const filter of [undefined, { conceptTypes: ['METHOD' as const] }, { query: 'transformer' }]) {
            const whole = ids((await s.listPapers({ first: 100, sort, ...(filter ? { filter } : {}) })).items);
            expect(await walk((after) => s.listPapers({ first: 2, sort, ...(filter ? { filter } : {}), ...(after ? { after } : {}) }))).toEqual(whole);
          }
        }
      });

      it('walks concepts (all and of one type) and a concept’s papers the same way', async () => {
        const s = await withCorpus();
        const whole = ids((await s.listConcepts({ first: 100 })).items);
        expect(await walk((after) => s.listConcepts({ first: 5, ...(after ? { after } : {}) }))).toEqual(whole);
        const methods = ids((await s.listConcepts({ first: 100, type: 'METHOD' })).items);
        expect(await walk((after) => s.listConcepts({ first: 2, type: 'METHOD', ...(after ? { after } : {}) }))).toEqual(methods);
        expect(await walk(async (after) => only(s.getConceptPapers(['metric:accuracy'], { first: 1, ...(after ? { after } : {}) })))).toEqual(
          ids((await only(s.getConceptPapers(['metric:accuracy'], { first: 100 }))).items),
        );
      });

      it('continues after a key whose item was deleted, and ignores the offset when given a key', async () => {
        const s = await withCorpus();
        const first = await s.listPapers({ first: 3 });
        const last = first.keys?.[2] as PageKey;
        const rest = ids((await s.listPapers({ first: 100, offset: 3 })).items);
        await s.deletePaper(first.items[2]?.id as string);
        expect(ids((await s.listPapers({ first: 100, offset: 7, after: last })).items)).toEqual(rest);
      });

      it('refuses a key of another order or a forged one with BAD_USER_INPUT', async () => {
        const s = await withCorpus();
        const concepts = await s.listConcepts({ first: 1 });
        expect((await rejection(s.listPapers({ first: 1, after: concepts.keys?.[0] as PageKey }))).code).toBe('BAD_USER_INPUT');
        expect((await rejection(s.listPapers({ first: 1, sort: 'MOST_CONCEPTS', after: ['x', 'p1'] }))).code).toBe('BAD_USER_INPUT');
        expect((await rejection(s.listConcepts({ first: 1, after: [1.5, 'a', 'b'] }))).code).toBe('BAD_USER_INPUT');
        expect((await rejection(s.getConceptPapers(['method:bert'], { first: 1, after: [null, 'p1'] }))).code).toBe('BAD_USER_INPUT');
      });
    });

    describe('projections and one-trip reads', () => {
      it('reads only the asked paper properties, the others empty', async () => {
        const s = await withCorpus();
        const [full] = (await s.listPapers({ first: 1 })).items;
        const [part] = (await s.listPapers({ first: 1, fields: ['title', 'published'] })).items;
        expect(part).toEqual({ ...full, abstract: '', url: null, authors: [], categories: [], doi: null, codeLinks: [] });
        const [conceptPart] = (await only(s.getConceptPapers(['method:bert'], { first: 1, fields: [] }))).items;
        expect(conceptPart).toEqual({
          id: 'a-dup',
          title: '',
          abstract: '',
          url: null,
          published: null,
          authors: [],
          categories: [],
          doi: null,
          codeLinks: [],
        });
        const [withCategories] = await only(s.getConceptPapers(['method:bert'], { first: 9, fields: ['categories', 'doi'] })).then((page) =>
          page.items.filter((paper) => paper.id === 'p1'),
        );
        expect(withCategories).toMatchObject({ title: '', categories: ['cs.CL', 'cs.LG'], doi: '10.1000/p1.2019' });
      });

      it('findConceptByName reads a page of the concept’s papers with it, as getConceptPapers does', async () => {
        const s = await withCorpus();
        const found = await s.findConceptByName('bert', { papers: { first: 2, fields: ['title'] } });
        expect(found?.id).toBe('method:bert');
        expect(found?.papers).toEqual(await only(s.getConceptPapers(['method:bert'], { first: 2, fields: ['title'] })));
        expect(await s.findConceptByName('nothing of the sort', { papers: { first: 2 } })).toBeNull();
        expect(await s.findConceptByName('bert')).not.toHaveProperty('papers');
      });
    });

    describe('listConcepts', () => {
      it('orders by paper count descending, then name, then id, with totals and offsets', async () => {
        const s = await withCorpus();
        const all = await s.listConcepts({ first: 100 });
        expect(all.totalCount).toBe(12);
        expect(ids(all.items)).toEqual([
          'metric:accuracy',
          'method:transformer',
          'method:bert',
          'task:question-answering',
          'dataset:squad',
          'metric:f1',
          'dataset:imagenet',
          'method:flashattention',
          'method:flashattention-2',
          'method:lora',
          'metric:rouge',
          'task:summarization',
        ]);
        expect(ids((await s.listConcepts({ first: 2, offset: 4 })).items)).toEqual(['dataset:squad', 'metric:f1']);
        expect((await s.listConcepts({ first: 1 })).items[0]).toEqual({
          id: 'metric:accuracy',
          name: 'Accuracy',
          type: 'METRIC',
          aliases: [],
          broader: null,
          paperCount: 4,
        });
      });

      it('filters by type and by a case-insensitive substring of the name or an alias', async () => {
        const s = await withCorpus();
        expect(ids((await s.listConcepts({ first: 10, type: 'DATASET' })).items)).toEqual(['dataset:squad', 'dataset:imagenet']);
        expect(ids((await s.listConcepts({ first: 10, query: 'ATTENTION' })).items)).toEqual([
          'method:flashattention',
          'method:flashattention-2',
        ]);
        expect(ids((await s.listConcepts({ first: 10, query: 'encoder repr' })).items)).toEqual(['method:bert']);
        expect(ids((await s.listConcepts({ first: 10, query: 'systems' })).items)).toEqual(['task:question-answering']);
        expect(await s.listConcepts({ first: 10, query: 'a', type: 'TASK', offset: 1 })).toMatchObject({
          totalCount: 2,
          items: [{ id: 'task:summarization' }],
        });
        expect(await s.listConcepts({ first: 10, query: 'zzz' })).toEqual({ items: [], totalCount: 0, keys: [] });
      });
    });

    describe('getConceptPapers', () => {
      it('lists the concept’s papers by title then id, paged, with the total', async () => {
        const s = await withCorpus();
        const page = await only(s.getConceptPapers(['method:bert'], { first: 2 }));
        expect(page.totalCount).toBe(3);
        expect(ids(page.items)).toEqual(['a-dup', 'p1']);
        expect(ids((await only(s.getConceptPapers(['method:bert'], { first: 2, offset: 2 }))).items)).toEqual(['p8']);
        expect(await only(s.getConceptPapers(['nope'], { first: 5 }))).toEqual({ items: [], totalCount: 0, keys: [] });
      });
    });

    describe('getRelatedPapers', () => {
      it('ranks by IDF-weighted cosine, never includes papers sharing nothing', async () => {
        const s = await withCorpus();
        const related = await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS' }));
        expect(related.map((r) => r.paperId)).toEqual(['p3', 'a-dup', 'p5', 'p8', 'p2', 'p7', 'p4']);
        // p1 = {BERT 3, Transformer 4, QA 3, SQuAD 3, F1 2, Accuracy 4}, a-dup = {BERT, SQuAD}, N = 9.
        const normP1 = Math.sqrt(3 * w(9, 3) ** 2 + 2 * w(9, 4) ** 2 + w(9, 2) ** 2);
        const normDup = Math.sqrt(2 * w(9, 3) ** 2);
        expect(related[1]).toEqual({
          paperId: 'a-dup',
          score: round6((2 * w(9, 3) ** 2) / (normP1 * normDup)),
          conceptScore: round6((2 * w(9, 3) ** 2) / (normP1 * normDup)),
          textScore: expect.any(Number),
          shared: [
            { conceptId: 'dataset:squad', weight: expect.closeTo(w(9, 3), 12) },
            { conceptId: 'method:bert', weight: expect.closeTo(w(9, 3), 12) },
          ],
        });
        expect(related[0]?.shared.map((c) => c.conceptId)).toEqual([
          'metric:f1',
          'dataset:squad',
          'task:question-answering',
          'method:transformer',
        ]);
        for (const r of related) expect(r.score).toBe(round6(r.score));
        expect(await only(s.getRelatedPapers(['p6'], { first: 10, by: 'CONCEPTS' }))).toEqual([]);
        expect(related.map((r) => r.paperId)).not.toContain('p6');
      });

      it('honours first, minShared and types (types restrict shared concepts and norms; ties by paper id)', async () => {
        const s = await withCorpus();
        expect((await only(s.getRelatedPapers(['p1'], { first: 2, by: 'CONCEPTS' }))).map((r) => r.paperId)).toEqual(['p3', 'a-dup']);
        expect((await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS', minShared: 3 }))).map((r) => r.paperId)).toEqual(['p3']);
        expect((await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS', minShared: 0 }))).length).toBe(7);
        const typed = await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS', types: ['DATASET', 'METRIC'] }));
        expect(typed.map((r) => r.paperId)).toEqual(['p3', 'a-dup', 'p5', 'p2', 'p7']);
        expect(typed[3]?.score).toBe(typed[4]?.score);
        // p1 restricted = {SQuAD 3, F1 2, Accuracy 4}; p5 restricted = {Accuracy}.
        const norm = Math.sqrt(w(9, 3) ** 2 + w(9, 2) ** 2 + w(9, 4) ** 2);
        expect(typed[2]?.score).toBe(round6(w(9, 4) ** 2 / (norm * w(9, 4))));
        expect(await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS', types: [] }))).toEqual([]);
        expect(await only(s.getRelatedPapers(['p1'], { first: 0 }))).toEqual([]);
      });

      it('ranks by BM25 over the whole text for TEXT: the best match scores 1, the rest a share of it', async () => {
        const s = await withCorpus();
        const related = await only(s.getRelatedPapers(['p1'], { first: 20, by: 'TEXT' }));
        expect(related.length).toBeGreaterThan(0);
        expect(related[0]?.textScore).toBe(1);
        for (const r of related) {
          expect(r.score).toBe(r.textScore);
          expect(r.textScore).toBeGreaterThan(0);
          expect(r.textScore).toBeLessThanOrEqual(1);
        }
        expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((a, b) => b - a));
        expect(related.map((r) => r.paperId)).not.toContain('p1');
      });

      it('mixes the two scores for HYBRID (the default), and minShared 1 keeps only concept-sharing papers', async () => {
        const s = await withCorpus();
        const related = await only(s.getRelatedPapers(['p1'], { first: 20 }));
        expect(related).toEqual(await only(s.getRelatedPapers(['p1'], { first: 20, by: 'HYBRID' })));
        for (const r of related) {
          // The concept part is the specificity of the rarest shared concept, the first of `shared`.
          const specificity = r.shared[0] === undefined ? 0 : r.shared[0].weight / w(corpus().length, 1);
          expect(r.score).toBe(round6(hybridScore(specificity, r.textScore)));
          expect(r.conceptScore > 0).toBe(r.shared.length > 0);
        }
        const concepts = await only(s.getRelatedPapers(['p1'], { first: 20, by: 'CONCEPTS' }));
        const byId = new Map(related.map((r) => [r.paperId, r]));
        for (const c of concepts) expect(byId.get(c.paperId)?.conceptScore).toBe(c.conceptScore);
        const sharing = await only(s.getRelatedPapers(['p1'], { first: 20, minShared: 1 }));
        expect(sharing.map((r) => r.paperId)).toEqual(related.filter((r) => r.shared.length > 0).map((r) => r.paperId));
      });

      it('relates a text not in the graph as if it were a paper: its own text ranks its twin first', async () => {
        const s = await withCorpus();
        const [p1] = await s.getPapers(['p1']);
        const links = await only(s.getPaperConcepts(['p1']));
        const source = { query: textQueryTerms(p1?.title ?? '', p1?.abstract ?? ''), conceptIds: links.map((l) => l.conceptId) };
        const related = await s.getRelatedToText(source, { first: 5 });
        expect(related[0]).toMatchObject({ paperId: 'p1', textScore: 1, conceptScore: 1 });
        const rarest = related[0]?.shared[0]?.weight ?? 0;
        expect(related[0]?.score).toBe(round6(hybridScore(rarest / w(corpus().length, 1), 1)));
        const typed = await s.getRelatedToText(source, { first: 5, by: 'CONCEPTS', types: ['DATASET'] });
        for (const r of typed) expect(r.shared.every((c) => c.conceptId.startsWith('dataset:'))).toBe(true);
        expect(await s.getRelatedToText({ query: [], conceptIds: [] }, { first: 5 })).toEqual([]);
      });

      it('explains a text match by the shared terms that weigh most, their weights adding up to its text score', async () => {
        const s = await withCorpus();
        const [p1] = await s.getPapers(['p1']);
        const query = textQueryTerms(p1?.title ?? '', p1?.abstract ?? '');
        const related = await only(s.getRelatedPapers(['p1'], { first: 3, by: 'TEXT' }));
        const explained = await s.explainTextMatches(related.map((r) => ({ query, paperId: r.paperId, textScore: r.textScore })));
        expect(explained).toHaveLength(related.length);
        explained.forEach((terms, i) => {
          expect(terms.length).toBeGreaterThan(0);
          expect(terms.map((t) => t.weight)).toEqual([...terms.map((t) => t.weight)].sort((a, b) => b - a));
          const sum = terms.reduce((total, t) => total + t.weight, 0);
          expect(sum).toBeLessThanOrEqual((related[i]?.textScore ?? 0) + 1e-5);
        });
        expect(await s.explainTextMatches([])).toEqual([]);
      });

      it('leaves the terms in more than QUERY_TERM_MAX_SHARE of the papers out of text queries and out of sharedTerms', async () => {
        // "ubiquitous" is in all 10 papers (over the share), "kinship" in 2, "filler" in 7 (under it).
        const papers = [
          makePaper({ id: 'src', title: 'Kinship ubiquitous', abstract: 'Kinship, ubiquitous and ubiquitous.' }),
          makePaper({ id: 'near', title: 'Kinship', abstract: 'Ubiquitous.' }),
          makePaper({ id: 'common', title: 'Ubiquitous', abstract: 'Ubiquitous, ubiquitous, ubiquitous.' }),
          ...Array.from({ length: 7 }, (_, i) => makePaper({ id: `f${i}`, title: `Filler ${i}`, abstract: `Ubiquitous filler${i}.` })),
        ];
        // The premises: 10 of 10 papers is over the share, 7 of 10 and (after the write below) 10 of 13 are not.
        expect(QUERY_TERM_MAX_SHARE).toBeLessThan(1);
        expect(QUERY_TERM_MAX_SHARE).toBeGreaterThanOrEqual(10 / 13);
        const s = await open();
        await s.upsertPapers(papers);
        const query = textQueryTerms('Kinship ubiquitous', 'Kinship, ubiquitous and ubiquitous.');
        const related = await only(s.getRelatedPapers(['src'], { first: 20, by: 'TEXT' }));
        expect(related.map((r) => r.paperId)).toEqual(['near']);
        const toText = await s.getRelatedToText({ query, conceptIds: [] }, { first: 20, by: 'TEXT' });
        expect(toText.map((r) => r.paperId).sort()).toEqual(['near', 'src']);
        const [terms] = await s.explainTextMatches([{ query, paperId: 'near', textScore: related[0]?.textScore ?? 0 }]);
        expect(terms?.map((t) => t.term)).toEqual(['kinship']);
        // After a write that takes "ubiquitous" under the share (10 of 13 papers), it is queried again.
        await s.upsertPapers(['x', 'y', 'z'].map((id) => makePaper({ id, title: `Other ${id}`, abstract: 'Nothing shared.' })));
        const after = await only(s.getRelatedPapers(['src'], { first: 20, by: 'TEXT' }));
        expect(after.map((r) => r.paperId).sort()).toEqual(['common', 'f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'near']);
        const [afterTerms] = await s.explainTextMatches([{ query, paperId: 'near', textScore: after[0]?.textScore ?? 0 }]);
        expect(afterTerms?.map((t) => t.term).sort()).toEqual(['kinship', 'ubiquitous']);
      });

      it('queries every term but the stop words with queryTermMaxShare 1', async () => {
        const s = await open({ queryTermMaxShare: 1 });
        await s.upsertPapers([
          makePaper({ id: 'src', title: 'Kinship ubiquitous', abstract: 'Ubiquitous.' }),
          makePaper({ id: 'common', title: 'Ubiquitous', abstract: 'Ubiquitous.' }),
        ]);
        expect((await only(s.getRelatedPapers(['src'], { first: 20, by: 'TEXT' }))).map((r) => r.paperId)).toEqual(['common']);
      });

      it('finds text candidates by the rarest terms in a two-stage search when they find enough papers, else by the whole query', async () => {
        // The source's terms: "kinship" and FIRST_STAGE_TERMS − 2 more in it alone, k00 (in it and the 100 n-papers)
        // and "filler" (five times in it; in "far" five times, in the 100 f-papers and in two n-papers once), the most
        // common. Its rarest FIRST_STAGE_TERMS are all but "filler", and they find it and the n-papers:
        // FIRST_STAGE_PAPERS, every n-paper with the same score.
        const own = Array.from({ length: FIRST_STAGE_TERMS - 2 }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);
        const srcText = `k00 ${own.join(' ')} filler filler filler filler filler.`;
        const pad = (i: number) => String(i).padStart(3, '0');
        const nIds = Array.from({ length: FIRST_STAGE_PAPERS - 1 }, (_, i) => (i === 0 ? 'n"0 \\ 0' : `n${pad(i)}`));
        const withFiller = new Set(['n050', 'n099']);
        const papers = [
          makePaper({ id: 'src', title: 'Kinship', abstract: srcText }),
          ...nIds.map((id) => makePaper({ id, title: 'N', abstract: withFiller.has(id) ? 'K00 filler.' : 'K00.' })),
          makePaper({ id: 'far', title: 'Far', abstract: 'Filler, filler, filler, filler, filler.' }),
          ...Array.from({ length: 100 }, (_, i) => makePaper({ id: `f${pad(i)}`, title: 'F', abstract: 'Filler.' })),
        ];
        const oneStage = await open({ queryTermMaxShare: 1 });
        await oneStage.upsertPapers(papers);
        // The whole query ranks "far" first.
        expect((await only(oneStage.getRelatedPapers(['src'], { first: 2, by: 'TEXT' }))).map((r) => r.paperId)).toEqual(['far', 'n050']);
        await oneStage.close();
        const twoStage = await open({ queryTermMaxShare: 1, twoStageTextMinPapers: 0 });
        await twoStage.upsertPapers(papers);
        // Two stages: only the papers of the rarest terms are candidates, ranked by the whole query (the n-papers with
        // "filler" first, where the rare terms alone would rank by id: the id that needs escaping first).
        const related = await only(twoStage.getRelatedPapers(['src'], { first: 3, by: 'TEXT' }));
        expect(related.map((r) => r.paperId)).toEqual(['n050', 'n099', nIds[0]]);
        const toText = await twoStage.getRelatedToText({ query: textQueryTerms('Kinship', srcText), conceptIds: [] }, { first: 2, by: 'TEXT' });
        expect(toText.map((r) => r.paperId)).toEqual(['src', 'n050']);
        // Rarest terms that find one paper fewer than FIRST_STAGE_PAPERS (unknown words and "n", in the 100 n-papers)
        // leave the search to the whole query, whose "filler" ranks "far" first.
        const unknown = Array.from({ length: FIRST_STAGE_TERMS - 1 }, (_, i) => `zz${i}`).join(' ');
        const fewer = `${unknown} n k00 ${'filler '.repeat(10)}`;
        const fallback = await twoStage.getRelatedToText({ query: textQueryTerms('', fewer), conceptIds: [] }, { first: 1, by: 'TEXT' });
        expect(fallback.map((r) => r.paperId)).toEqual(['far']);
      });

      it('asks a query too long for a second stage (its terms and a clause per first-stage paper) in one stage', async () => {
        // Neo4j 5.26 takes at most 924 terms beside 101 ids (Lucene's 1,024 clauses, nested ones counted, and the id group).
        const words = Array.from({ length: MAX_LUCENE_CLAUSES - FIRST_STAGE_PAPERS + 2 }, (_, i) => `w${i}`).join(' ');
        const s = await open({ twoStageTextMinPapers: 0, queryTermMaxShare: 1 });
        await s.upsertPapers(Array.from({ length: FIRST_STAGE_PAPERS }, (_, i) => makePaper({ id: `p${String(i).padStart(3, '0')}`, title: 'P', abstract: words })));
        const related = await s.getRelatedToText({ query: textQueryTerms('', words), conceptIds: [] }, { first: 2, by: 'TEXT' });
        expect(related.map((r) => r.paperId)).toEqual(['p000', 'p001']);
      });

      it('answers empty for an unknown paper', async () => {
        const s = await withCorpus();
        expect(await only(s.getRelatedPapers(['nope'], { first: 5 }))).toEqual([]);
      });

      it('finds candidates only through the rarest concepts within the budget, yet scores shared hubs', async () => {
        const s = await open({ conceptBudget: 3 });
        await s.upsertPapers(hubCorpus());
        const related = await only(s.getRelatedPapers(['h1'], { first: 10, by: 'CONCEPTS' }));
        expect(related.map((r) => r.paperId)).toEqual(['h2']);
        expect(related[0]?.shared.map((c) => c.conceptId)).toEqual(['dataset:rare', 'method:transformer']);
        // h3's concepts (Transformer 5, Hub B 4) are each over the budget: nothing is reached through them.
        expect(await only(s.getRelatedPapers(['h3'], { first: 10 }))).toEqual([]);
      });

      it('spends the budget on the rarest concepts first, stopping at the first that does not fit', async () => {
        const s = await open({ conceptBudget: 4 });
        await s.upsertPapers(hubCorpus());
        const related = await only(s.getRelatedPapers(['h3'], { first: 10, by: 'CONCEPTS' }));
        expect(related.map((r) => r.paperId)).toEqual(['h4', 'h6', 'h1']);
        expect(related[0]?.score).toBe(1);
      });

      it('with the default budget the same graph relates every paper sharing a concept', async () => {
        const s = await open();
        await s.upsertPapers(hubCorpus());
        expect((await only(s.getRelatedPapers(['h3'], { first: 10, by: 'CONCEPTS' }))).map((r) => r.paperId).sort()).toEqual(['h1', 'h2', 'h4', 'h5', 'h6']);
      });
    });

    describe('concept neighbourhood', () => {
      it('getRelatedConcepts counts co-occurring papers: count descending, then id; filters by type', async () => {
        const s = await withCorpus();
        expect(await only(s.getRelatedConcepts(['dataset:squad'], { first: 10 }))).toEqual([
          { conceptId: 'method:bert', count: 2 },
          { conceptId: 'method:transformer', count: 2 },
          { conceptId: 'metric:f1', count: 2 },
          { conceptId: 'task:question-answering', count: 2 },
          { conceptId: 'method:lora', count: 1 },
          { conceptId: 'metric:accuracy', count: 1 },
        ]);
        expect(await only(s.getRelatedConcepts(['dataset:squad'], { first: 1, type: 'METRIC' }))).toEqual([
          { conceptId: 'metric:f1', count: 2 },
        ]);
        expect(await only(s.getRelatedConcepts(['nope'], { first: 5 }))).toEqual([]);
      });

      it('getNarrowerConcepts lists concepts naming it as broader, by name then id', async () => {
        const s = await withCorpus();
        await s.upsertPapers([
          makePaper({ id: 'fa3', title: 'FlashAttention-3 and FlashAttention-1.5', abstract: 'Both.' }, [
            { id: 'method:flashattention-3', name: 'FlashAttention-3', type: 'METHOD', broader: 'method:flashattention' },
            { id: 'method:flashattention-1.5', name: 'FlashAttention-1.5', type: 'METHOD', broader: 'method:flashattention' },
          ]),
        ]);
        expect(ids(await only(s.getNarrowerConcepts(['method:flashattention'])))).toEqual([
          'method:flashattention-1.5',
          'method:flashattention-2',
          'method:flashattention-3',
        ]);
        expect((await s.getConcepts(['method:flashattention-2']))[0]?.broader).toBe('method:flashattention');
        expect(await only(s.getNarrowerConcepts(['method:transformer']))).toEqual([]);
      });

      it('keeps a broader id even when that concept is not stored', async () => {
        const s = await open();
        await s.upsertPapers([
          makePaper({ id: 'x', title: 'Llama 3', abstract: 'Llama 3.' }, [
            { id: 'method:llama-3', name: 'Llama 3', type: 'METHOD', broader: 'method:llama' },
          ]),
        ]);
        expect((await s.getConcepts(['method:llama-3']))[0]?.broader).toBe('method:llama');
        expect(ids(await only(s.getNarrowerConcepts(['method:llama'])))).toEqual(['method:llama-3']);
      });
    });

    describe('dashboards', () => {
      it('stats counts papers, concepts, mention occurrences and every type in order', async () => {
        const s = await open();
        expect(await s.stats()).toEqual({
          papers: 0,
          concepts: 0,
          mentions: 0,
          byType: [
            { type: 'METHOD', count: 0 },
            { type: 'TASK', count: 0 },
            { type: 'DATASET', count: 0 },
            { type: 'METRIC', count: 0 },
          ],
        });
        const papers = corpus();
        await s.upsertPapers(papers);
        const mentions = papers.reduce(
          (sum, p) => sum + p.extraction.concepts.reduce((n, c) => n + c.mentions.length, 0),
          0,
        );
        expect(mentions).toBe(37);
        expect(await s.stats()).toEqual({
          papers: 9,
          concepts: 12,
          mentions,
          byType: [
            { type: 'METHOD', count: 5 },
            { type: 'TASK', count: 2 },
            { type: 'DATASET', count: 2 },
            { type: 'METRIC', count: 3 },
          ],
        });
      });

      it('stats, paper counts and rankings follow rewrites and deletes: the same as a fresh graph of the final papers', async () => {
        const s = await withCorpus();
        const rewritten = makePaper({ id: 'p4', title: 'Summarization Revisited', abstract: 'BERT for summarization, BERT again.' }, [
          { id: 'task:summarization', name: 'Summarization', type: 'TASK', surfaces: ['Summarization', 'summarization'] },
          { id: 'method:bert', name: 'BERT', type: 'METHOD' },
        ]);
        await s.upsertPapers([rewritten]);
        await s.deletePaper('p2');
        await s.deletePaper('p6');
        await s.upsertPapers(corpus().slice(6));
        const finalPapers = [...corpus().filter((p) => !['p2', 'p4', 'p6'].includes(p.id)), rewritten];
        const answers = async (g: GraphStore) => [
          await g.stats(),
          await g.listConcepts({ first: 100 }),
          await g.topConcepts({ first: 5, type: 'METHOD' }),
          await g.listPapers({ first: 100, sort: 'MOST_CONCEPTS' }),
          await g.listPapers({ first: 100, sort: 'NEWEST' }),
          // p4 is rewritten in place, among earlier and later papers: the word index follows it.
          ...(await Promise.all(['bert', 'summarization', 'revisited', 'the'].map((query) => g.listPapers({ first: 100, filter: { query } })))),
        ];
        const got = await answers(s);
        await s.close();
        // Read first: on Neo4j a fresh store empties the same database.
        const fresh = await open();
        await fresh.upsertPapers(finalPapers);
        expect(got).toEqual(await answers(fresh));
      });

      it('topConcepts orders by paper count, name, id, optionally of one type', async () => {
        const s = await withCorpus();
        expect(ids(await s.topConcepts({ first: 3 }))).toEqual(['metric:accuracy', 'method:transformer', 'method:bert']);
        expect(ids(await s.topConcepts({ first: 10, type: 'METRIC' }))).toEqual(['metric:accuracy', 'metric:f1', 'metric:rouge']);
        expect(await s.topConcepts({ first: 0 })).toEqual([]);
      });

      it('cooccurrence: top rows and columns, cells with count > 0 in row then column order', async () => {
        const s = await withCorpus();
        expect(await s.cooccurrence({ rowType: 'METHOD', columnType: 'DATASET', first: 3 })).toEqual({
          rows: ['method:transformer', 'method:bert', 'method:flashattention'],
          columns: ['dataset:squad', 'dataset:imagenet'],
          cells: [
            { row: 'method:transformer', column: 'dataset:squad', count: 2 },
            { row: 'method:transformer', column: 'dataset:imagenet', count: 1 },
            { row: 'method:bert', column: 'dataset:squad', count: 2 },
            { row: 'method:flashattention', column: 'dataset:imagenet', count: 1 },
          ],
        });
      });

      it('cooccurrence asked again after a write or a delete answers the new graph', async () => {
        const s = await withCorpus();
        const ask = () => s.cooccurrence({ rowType: 'METHOD', columnType: 'DATASET', first: 3 });
        const before = await ask();
        expect(await ask()).toEqual(before);
        await s.upsertPapers([
          makePaper({ id: 'extra', title: 'BERT on ImageNet', abstract: 'BERT on ImageNet.' }, [
            { id: 'method:bert', name: 'BERT', type: 'METHOD' },
            { id: 'dataset:imagenet', name: 'ImageNet', type: 'DATASET' },
          ]),
        ]);
        const after = await ask();
        expect(after.cells).toContainEqual({ row: 'method:bert', column: 'dataset:imagenet', count: 1 });
        await s.deletePaper('extra');
        expect(await ask()).toEqual(before);
      });

      it('cooccurrence kept between reads follows every write, delete and new concept like a fresh count', async () => {
        const s = await withCorpus();
        /** The matrix from what the store lists: concept ranks and each paper's links. */
        const expected = async (rowType: 'METHOD' | 'DATASET', columnType: 'METHOD' | 'DATASET', first: number) => {
          const top = async (type: 'METHOD' | 'DATASET') => ids((await s.listConcepts({ first: 100, type })).items).slice(0, first);
          const [rows, columns] = [await top(rowType), await top(columnType)];
          const papers = (await s.listPapers({ first: 100 })).items;
          const links = (await s.getPaperConcepts(ids(papers))).map((list) => list.map((l) => l.conceptId));
          const cells = rows.flatMap((row) =>
            columns
              .map((column) => ({ row, column, count: links.filter((l) => l.includes(row) && l.includes(column)).length }))
              .filter((cell) => cell.count > 0),
          );
          return { rows, columns, cells };
        };
        const shapes = [['METHOD', 'DATASET', 2], ['METHOD', 'METHOD', 3], ['DATASET', 'METHOD', 10]] as const;
        const check = async () => {
          for (const [rowType, columnType, first] of shapes) {
            expect(await s.cooccurrence({ rowType, columnType, first })).toEqual(await expected(rowType, columnType, first));
          }
        };
        const bert = { id: 'method:bert', name: 'BERT', type: 'METHOD' } as const;
        const imagenet = { id: 'dataset:imagenet', name: 'ImageNet', type: 'DATASET' } as const;
        const squad = { id: 'dataset:squad', name: 'SQuAD', type: 'DATASET' } as const;
        const coco = { id: 'dataset:coco', name: 'COCO', type: 'DATASET' } as const;
        const text = 'BERT on ImageNet and SQuAD and COCO.';
        await check();
        await s.upsertPapers([makePaper({ id: 'x1', title: 'x1', abstract: text }, [bert, imagenet])]);
        await check();
        // The same paper again, then with other links; a concept no paper had before; two papers at once.
        await s.upsertPapers([makePaper({ id: 'x1', title: 'x1', abstract: text }, [bert, imagenet])]);
        await check();
        await s.upsertPapers([makePaper({ id: 'x1', title: 'x1', abstract: text }, [bert, squad, coco])]);
        await check();
        await s.upsertPapers([
          makePaper({ id: 'x2', title: 'x2', abstract: text }, [bert, coco]),
          makePaper({ id: 'x3', title: 'x3', abstract: text }, [imagenet, coco]),
        ]);
        await check();
        await s.deletePaper('x1');
        await check();
        await s.deletePaper('x3');
        await s.deletePaper('x2');
        await check();
      });

      it('cooccurrence of a type with itself counts a concept with itself as its paper count', async () => {
        const s = await withCorpus();
        const matrix = await s.cooccurrence({ rowType: 'METRIC', columnType: 'METRIC', first: 2 });
        expect(matrix).toEqual({
          rows: ['metric:accuracy', 'metric:f1'],
          columns: ['metric:accuracy', 'metric:f1'],
          cells: [
            { row: 'metric:accuracy', column: 'metric:accuracy', count: 4 },
            { row: 'metric:accuracy', column: 'metric:f1', count: 1 },
            { row: 'metric:f1', column: 'metric:accuracy', count: 1 },
            { row: 'metric:f1', column: 'metric:f1', count: 2 },
          ],
        });
      });

      it('conceptTimeline counts dated papers per year or month, ascending, skipping empty periods', async () => {
        const s = await withCorpus();
        expect(await only(s.conceptTimeline(['metric:accuracy'], 'YEAR'))).toEqual([
          { period: '2019', count: 1 },
          { period: '2023', count: 2 },
        ]);
        expect(await only(s.conceptTimeline(['method:bert'], 'MONTH'))).toEqual([{ period: '2019-05', count: 3 }]);
        expect(await only(s.conceptTimeline(['method:transformer'], 'MONTH'))).toEqual([
          { period: '2019-05', count: 1 },
          { period: '2019-11', count: 1 },
          { period: '2021-06', count: 1 },
          { period: '2023-07', count: 1 },
        ]);
        expect(await only(s.conceptTimeline(['nope'], 'YEAR'))).toEqual([]);
      });

      it('papersTimeline counts every dated paper per year or month, with or without concepts', async () => {
        const s = await withCorpus();
        expect(await s.papersTimeline('YEAR')).toEqual([
          { period: '2019', count: 4 },
          { period: '2020', count: 1 },
          { period: '2021', count: 1 },
          { period: '2023', count: 2 },
        ]);
        expect(await s.papersTimeline('MONTH')).toEqual([
          { period: '2019-05', count: 3 },
          { period: '2019-11', count: 1 },
          { period: '2020-01', count: 1 },
          { period: '2021-06', count: 1 },
          { period: '2023-07', count: 2 },
        ]);
      });
    });

    describe('argument checks', () => {
      it('refuses an unknown type, sort or granularity with BAD_USER_INPUT', async () => {
        const s = await withCorpus();
        const calls = [
          () => s.topConcepts({ first: 1, type: 'MODEL' as never }),
          () => s.listPapers({ first: 1, sort: 'RANDOM' as never }),
          () => s.conceptTimeline(['metric:f1'], 'DAY' as never),
          () => s.papersTimeline('DAY' as never),
          () => s.getRelatedPapers(['p1'], { first: -1 }),
          () => s.listConcepts({ first: 1, offset: -3 }),
        ];
        for (const call of calls) expect((await rejection(call())).code).toBe('BAD_USER_INPUT');
      });
    });
  });
}

/** A fixed list of reads whose answers both stores must give identically. */
const withoutTextScores = (lists: RelatedPaperResult[][]) => lists.map((list) => list.map(({ textScore: _, ...rest }) => rest));

export async function answersOf(store: GraphStore): Promise<unknown[]> {
  const conceptIds = (await store.listConcepts({ first: 100 })).items.map((c: StoredConcept) => c.id);
  const paperIds = (await store.listPapers({ first: 100 })).items.map((p) => p.id);
  // Every id, an unknown one, and repeats, each batch read in one call.
  const somePapers = [...paperIds, 'nope', ...paperIds.slice(0, 2)];
  const someConcepts = [...conceptIds, 'nope', ...conceptIds.slice(0, 2)];
  return [
    await snapshot(store),
    await store.getPapers([...paperIds, 'nope']),
    await store.getConcepts([...conceptIds, 'nope']),
    await store.getPaperConcepts(paperIds, ['METHOD', 'DATASET']),
    ...(await Promise.all(
      (['TITLE', 'NEWEST', 'OLDEST', 'MOST_CONCEPTS'] as const).map((sort) =>
        store.listPapers({ first: 4, offset: 1, sort, filter: { query: 'the' } }),
      ),
    )),
    await store.listPapers({ first: 50, filter: { anyConcepts: conceptIds.slice(0, 3), conceptTypes: ['METRIC'] } }),
    await store.listConcepts({ first: 5, offset: 2, query: 'a' }),
    // Concept scores only: Lucene's text statistics count deleted documents until its segments merge, so text
    // scores after deletes are compared with a tolerance (test/graph/neo4j-store.int.test.ts), not here.
    withoutTextScores(await store.getRelatedPapers(somePapers, { first: 10, by: 'CONCEPTS' })),
    withoutTextScores(await store.getRelatedPapers(somePapers, { first: 10, by: 'CONCEPTS', types: ['METHOD', 'TASK'], minShared: 2 })),
    await store.getRelatedConcepts(someConcepts, { first: 5 }),
    await store.getRelatedConcepts(someConcepts, { first: 3, type: 'METHOD' }),
    await store.getConceptPapers(someConcepts, { first: 2, offset: 1 }),
    await store.getNarrowerConcepts(someConcepts),
    await store.conceptTimeline(someConcepts, 'MONTH'),
    await store.conceptTimeline(someConcepts, 'YEAR'),
    await store.papersTimeline('MONTH'),
    await store.topConcepts({ first: 5 }),
    await store.cooccurrence({ rowType: 'METHOD', columnType: 'METRIC', first: 4 }),
    await store.cooccurrence({ rowType: 'DATASET', columnType: 'DATASET', first: 4 }),
  ];
}
