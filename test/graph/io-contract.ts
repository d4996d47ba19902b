import { afterEach, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { createSink, jsonlLine, writeGraphml, writeJsonl } from '../../src/export/index.js';
import {
  exportConcepts,
  exportPapers,
  ingestPaperStream,
  type AnalyzedPaper,
  type GraphStore,
  type IngestProgress,
} from '../../src/graph/index.js';
import { streamPapersFromText, type RecordError } from '../../src/ingest/index.js';
import { createMemoryStore } from '../../src/graph/index.js';
import { corpus } from './fixtures.js';
import { snapshot } from './store-contract.js';

/** Returns a store over an empty graph, initialized (on Neo4j, emptying the one database). */
export type MakeIoStore = () => Promise<GraphStore>;

/** The corpus as JSON Lines carrying their concepts (what `export --format jsonl` writes). */
function preExtractedLines(papers: readonly AnalyzedPaper[]): string {
  return papers
    .map((paper) =>
      JSON.stringify({
        id: paper.id,
        title: paper.title,
        abstract: paper.abstract,
        url: paper.url,
        published: paper.published,
        authors: paper.authors,
        categories: paper.categories,
        doi: paper.doi,
        concepts: paper.extraction.concepts,
        codeLinks: paper.extraction.codeLinks,
      }),
    )
    .join('\n');
}

async function ingestText(store: GraphStore, input: string, options: Parameters<typeof ingestPaperStream>[2] = {}) {
  const errors: RecordError[] = [];
  const result = await ingestPaperStream(store, streamPapersFromText(input, 'in.jsonl'), {
    batchSize: 2,
    workers: 1,
    onError: (error) => errors.push(error),
    ...options,
  });
  return { result, errors };
}

async function exportJsonl(store: GraphStore): Promise<string> {
  const out = new PassThrough();
  const done = text(out);
  await writeJsonl(exportPapers(store, { pageSize: 3 }), createSink(out));
  out.end();
  return done;
}

/** A store that fails its `failAt`-th write, as Neo4j going away mid-ingest would. */
function failingOnWrite(store: GraphStore, failAt: number): GraphStore {
  let writes = 0;
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'upsertPapers') {
        return async (papers: AnalyzedPaper[]) => {
          writes++;
          if (writes === failAt) throw new Error('connection lost');
          return target.upsertPapers(papers);
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/**
 * Streaming ingest and export against one store: run by test/graph/io-memory.test.ts and
 * test/graph/io-neo4j.int.test.ts.
 */
export function describeIoContract(name: string, make: MakeIoStore): void {
  describe(`streaming ingest and export: ${name}`, () => {
    const opened: GraphStore[] = [];
    const open = async () => {
      const store = await make();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('writes papers carrying their concepts as given, batch by batch, and reports bad records by line', async () => {
      const store = await open();
      const papers = corpus();
      const bad = JSON.stringify({ id: 'bad', title: 'T', abstract: 'A', concepts: [{ id: 'method:x', name: 'X' }] });
      const { result, errors } = await ingestText(store, `${preExtractedLines(papers)}\n${bad}\n`);
      const expected: IngestProgress = { read: papers.length + 1, written: papers.length, unchanged: 0, bad: 1 };
      expect(result).toEqual(expected);
      expect(errors).toEqual([expect.objectContaining({ source: 'in.jsonl', line: papers.length + 1 })]);
      expect(errors[0]?.message).toMatch(/^concepts: /);
      const reference = createMemoryStore();
      for (const paper of papers) await reference.upsertPapers([paper]);
      expect(await snapshot(store)).toEqual(await snapshot(reference));
    });

    it('extracts papers that come without concepts, on worker threads or not alike', async () => {
      const input = [
        { id: 'a', title: 'FlashAttention', abstract: 'We propose FlashAttention and evaluate it on the Long Range Arena (LRA) benchmark.' },
        { id: 'b', title: 'LoRA', abstract: 'We propose LoRA and fine-tune GPT-3 on the GLUE benchmark, reporting accuracy.' },
        { id: 'c', title: 'Sparse', abstract: 'We evaluate sparse attention on the Long Range Arena (LRA) benchmark.' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n');
      const one = createMemoryStore();
      await ingestText(one, input, { workers: 1 });
      const two = await open();
      await ingestText(two, input, { workers: 2, batchSize: 1 });
      expect((await one.stats()).concepts).toBeGreaterThan(0);
      expect(await snapshot(two)).toEqual(await snapshot(one));
    });

    it('resumes: a re-run after an interrupted ingest skips what landed and completes with exact counts', async () => {
      const store = await open();
      const papers = corpus();
      const input = preExtractedLines(papers);
      await expect(ingestText(failingOnWrite(store, 3), input)).rejects.toThrow('connection lost');
      const landed = (await store.stats()).papers;
      expect(landed).toBeGreaterThan(0);
      expect(landed).toBeLessThan(papers.length);
      const { result } = await ingestText(store, input);
      expect(result.unchanged).toBe(landed);
      expect(result.written).toBe(papers.length - landed);
      const reference = createMemoryStore();
      await ingestText(reference, input);
      expect(await snapshot(store)).toEqual(await snapshot(reference));
      // A changed paper is written again; unchanged ones are not.
      const changed = papers.map((paper) => (paper.id === 'p1' ? { ...paper, url: 'https://example.org/p1-v2' } : paper));
      const again = await ingestText(store, preExtractedLines(changed));
      expect(again.result).toMatchObject({ written: 1, unchanged: papers.length - 1 });
      expect((await store.getPapers(['p1']))[0]?.url).toBe('https://example.org/p1-v2');
      // So is one whose categories or DOI changed (a graph ingested before they were stored gets them).
      const recategorized = changed.map((paper) => (paper.id === 'p2' ? { ...paper, categories: ['cs.LG'], doi: '10.1000/p2' } : paper));
      expect((await ingestText(store, preExtractedLines(recategorized))).result).toMatchObject({ written: 1, unchanged: papers.length - 1 });
      expect((await store.getPapers(['p2']))[0]).toMatchObject({ categories: ['cs.LG'], doi: '10.1000/p2' });
    });

    it('exports JSON Lines that ingest back into an empty store as the same graph', async () => {
      const store = await open();
      await ingestText(store, preExtractedLines(corpus()));
      const before = await snapshot(store);
      const exported = await exportJsonl(store);
      expect(exported.trim().split('\n')).toHaveLength(corpus().length);
      expect(exported).toContain('"categories":["cs.CL","cs.LG"],"doi":"10.1000/p1.2019"');
      const copy = await open();
      expect((await copy.stats()).papers).toBe(0);
      const { result, errors } = await ingestText(copy, exported);
      expect(errors).toEqual([]);
      expect(result.written).toBe(corpus().length);
      expect(await snapshot(copy)).toEqual(before);
      expect(await exportJsonl(copy)).toBe(exported);
    });

    it('exports every concept and paper in id order, pages of any size alike', async () => {
      const store = await open();
      await ingestText(store, preExtractedLines(corpus()));
      const all = async (pageSize: number) => {
        const lines: string[] = [];
        for await (const page of exportPapers(store, { pageSize })) lines.push(...page.map(jsonlLine));
        return lines;
      };
      const byOne = await all(1);
      expect(await all(1000)).toEqual(byOne);
      expect(byOne.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(corpus().map((p) => p.id).sort());
      const concepts: string[] = [];
      for await (const page of exportConcepts(store, { pageSize: 5 })) concepts.push(...page.map((c) => c.id));
      expect(concepts).toEqual((await store.listConcepts({ first: 100 })).items.map((c) => c.id).sort());
    });

    it('exports GraphML with every node, MENTIONS edge and co-occurrence count', async () => {
      const store = await open();
      await ingestText(store, preExtractedLines(corpus()));
      const out = new PassThrough();
      const done = text(out);
      await writeGraphml(exportConcepts(store), exportPapers(store), createSink(out), { cooccurrence: true });
      out.end();
      const xml = await done;
      const stats = await store.stats();
      expect(xml.match(/<node id="p:/g)).toHaveLength(stats.papers);
      expect(xml.match(/<node id="c:/g)).toHaveLength(stats.concepts);
      expect(xml).toContain('<data key="categories">cs.CL cs.LG</data><data key="doi">10.1000/p1.2019</data></node>');
      const links = (await store.getPaperConcepts(corpus().map((p) => p.id))).flat();
      expect(xml.match(/<data key="e_label">MENTIONS</g)).toHaveLength(links.length);
      // Co-occurrence counts equal the store's own related-concept counts.
      const [bertRelated] = await store.getRelatedConcepts(['method:bert'], { first: 100 });
      for (const { conceptId, count } of bertRelated ?? []) {
        const [a, b] = ['method:bert', conceptId].sort();
        expect(xml).toContain(`<edge source="c:${a!}" target="c:${b!}" directed="false"><data key="e_label">COOCCURS</data><data key="e_count">${count}</data></edge>`);
      }
      expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
    });
  });
}
