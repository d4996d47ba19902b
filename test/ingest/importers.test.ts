import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  abstractFromInvertedIndex,
  formatRecordError,
  parsePapers,
  readPaperSources,
  readPapers,
  sourcePaperId,
  type ReadResult,
} from '../../src/ingest/index.js';
import { temporaryDirectories } from '../support/temporary-directories.js';

const temporaryDirectory = temporaryDirectories('papergraph-importers-');

const FIXTURES = 'test/fixtures/sources';
const fixture = (name: string) => join(FIXTURES, name);
const messages = (result: ReadResult) => result.errors.map(formatRecordError);

async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await temporaryDirectory();
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('the arXiv metadata snapshot', () => {
  it('keeps the arXiv id, the abstract page, the first version date, the authors and the categories, with line wraps collapsed', async () => {
    const result = await readPapers(fixture('arxiv-snapshot.jsonl'));
    expect(result.papers[0]).toEqual({
      id: 'arxiv:2205.14135',
      title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
      abstract:
        'Transformers are slow and memory-hungry on long sequences. We propose FlashAttention, an IO-aware exact attention algorithm. We evaluate it on the Long Range Arena benchmark.',
      url: 'https://arxiv.org/abs/2205.14135',
      published: '2022-05-27',
      authors: ['Tri Dao', 'Daniel Y. Fu', 'Stefano Ermon', 'Atri Rudra', 'Christopher Ré'],
      categories: ['cs.LG', 'cs.CL'],
      doi: null,
    });
  });

  it('names an old-style paper with a journal DOI by its DOI, stored lower-cased, keeping TeX in the title, and reports a missing abstract', async () => {
    const result = await readPapers(fixture('arxiv-snapshot.jsonl'));
    expect(result.papers[1]).toMatchObject({
      id: 'doi:10.1000/j.anal.2005.001',
      title: 'On the $L^p$ convergence of {\\it Fourier} series',
      url: 'https://arxiv.org/abs/math/0501001',
      published: '2005-01-02',
      authors: ['J. Müller'],
      categories: ['math.CA'],
      doi: '10.1000/j.anal.2005.001',
    });
    expect(messages(result)).toEqual([`${fixture('arxiv-snapshot.jsonl')}:3: abstract must not be empty`]);
  });
});

describe('OpenAlex works', () => {
  it('rebuilds the abstract from the inverted index, repeated words included', () => {
    expect(abstractFromInvertedIndex({ the: [0, 2], cat: [1], sat: [3] })).toBe('the cat the sat');
    expect(abstractFromInvertedIndex({})).toBeNull();
    expect(abstractFromInvertedIndex({ word: ['x'] })).toBeNull();
  });

  it('reads display name, date, authors and DOI; an arXiv DOI names the arXiv paper; no abstract is a bad record', async () => {
    const result = await readPapers(fixture('openalex-works.jsonl'));
    expect(result.papers).toEqual([
      {
        id: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        abstract: 'We propose the the Transformer, a model based on attention. The Transformer outperforms recurrent models on WMT 2014.',
        url: 'https://doi.org/10.48550/arxiv.1706.03762',
        published: '2017-06-12',
        authors: ['Ashish Vaswani', 'Łukasz Kaiser'],
        categories: [],
        doi: '10.48550/arxiv.1706.03762',
      },
      {
        id: 'doi:10.1000/xyz.42',
        title: 'Graph Neural Networks for Molecules',
        abstract: 'We introduce MolGNN, a graph neural network evaluated on the QM9 dataset.',
        url: 'https://doi.org/10.1000/XYZ.42',
        published: '2020-03-01',
        authors: ['José García'],
        categories: [],
        doi: '10.1000/xyz.42',
      },
    ]);
    expect(messages(result)).toEqual([
      `${fixture('openalex-works.jsonl')}:3: OpenAlex work W3000000002 has no abstract (abstract_inverted_index is empty or missing)`,
    ]);
  });

  it('reads an API page of results', async () => {
    const work = (await readFile(fixture('openalex-works.jsonl'), 'utf8')).split('\n')[0]!;
    const result = await parsePapers(`{"meta":{"count":1},"results":[${work}]}\n`, 'page.json', undefined);
    expect(result.papers.map((paper) => paper.id)).toEqual(['arxiv:1706.03762']);
  });
});

describe('Semantic Scholar datasets', () => {
  it('joins papers with their abstracts by corpus id, whichever file comes first, and reports papers left without one', async () => {
    for (const order of [
      ['s2-papers.jsonl', 's2-abstracts.jsonl'],
      ['s2-abstracts.jsonl', 's2-papers.jsonl'],
    ]) {
      const result = await readPaperSources(order.map(fixture));
      expect(result.papers.map((paper) => paper.id).sort()).toEqual(['arxiv:2106.09685', 'doi:10.1000/xyz.42']);
      const lora = result.papers.find((paper) => paper.id === 'arxiv:2106.09685');
      expect(lora).toMatchObject({ title: 'LoRA: Low-Rank Adaptation of Large Language Models', published: null, authors: ['Edward J. Hu'], doi: null });
      expect(result.papers.find((paper) => paper.id === 'doi:10.1000/xyz.42')?.doi).toBe('10.1000/xyz.42');
      expect(lora?.abstract).toMatch(/^We propose LoRA/);
      expect(messages(result)).toEqual([
        `${fixture('s2-papers.jsonl')}:3: Semantic Scholar paper 1003 has no abstract (no record carries one, and no abstracts record with its corpusid was read)`,
      ]);
    }
  });

  it('reads Graph API records that carry their abstract, in a pretty-printed .json page', async () => {
    const result = await readPapers(fixture('s2-graph-api.json'));
    expect(result.errors).toEqual([]);
    expect(result.papers).toEqual([
      expect.objectContaining({
        id: 'arxiv:1706.03762',
        title: 'Attention is All you Need',
        published: '2017-06-12',
        authors: ['Ashish Vaswani'],
        doi: '10.48550/arxiv.1706.03762',
      }),
    ]);
  });
});

describe('BibTeX', () => {
  it('turns TeX into Unicode, resolves macros, dates entries with year, month and day, keeps DOI and arXiv class, and locates bad entries', async () => {
    const path = fixture('papers.bib');
    const result = await readPapers(path);
    expect(result.papers).toEqual([
      {
        id: 'arxiv:1706.03762',
        title: 'Attention Is All You Need: the Transformer for α-scaling in Zürich',
        abstract: 'We propose the Transformer, a model based entirely on attention. It reaches 28.4 BLEU on WMT 2014 with 50% less training cost.',
        url: null,
        published: '2017-12-04',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'José García'],
        categories: ['cs.CL'],
        doi: null,
      },
      {
        id: 'doi:10.1000/lora.2022',
        title: 'LoRA: Low-Rank Adaptation of Large Language Models',
        abstract: 'We propose LoRA, which injects trainable rank decomposition matrices into each layer.',
        url: 'https://doi.org/10.1000/LORA.2022',
        published: null,
        authors: ['Edward J. Hu', 'Yelong Shen'],
        categories: [],
        doi: '10.1000/lora.2022',
      },
    ]);
    expect(messages(result)).toEqual([
      `${path}:27: abstract is required`,
      expect.stringMatching(new RegExp(`^${path}:33: BibTeX: Unterminated`)),
    ]);
  });
});

describe('BibTeX and JSON arrays, read entry by entry', () => {
  const entry = (key: string, extra = '') => `@article{${key},\n  title = {Paper ${key}},\n  abstract = {We study ${key}.}${extra}\n}\n`;

  it('reads the entries after an unterminated one, with macros defined earlier and lines counted across entries', async () => {
    const text =
      `% comment\n@string{ven = "Some Venue"}\n\n@article{a,\n  title = ven # {: Paper a},\n  abstract = {We study a.},\n  doi = {10.1000/A}\n}\n` +
      `@article{broken,\n  title = {Unclosed brace,\n${entry('b')}` +
      `@article{c,\n  title = {Starts @ an {indented}\n    @article{ line of its own}},\n  abstract = {We study c.}\n}\n`;
    const path = await tempFile('mixed.bib', text);
    const result = await readPapers(path);
    expect(result.papers.map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 'doi:10.1000/a', title: 'Some Venue: Paper a' },
      { id: 'bibtex:b', title: 'Paper b' },
      { id: 'bibtex:c', title: 'Starts @ an indented @article line of its own' },
    ]);
    expect(messages(result)).toEqual([expect.stringMatching(new RegExp(`^${path}:9: BibTeX: Unterminated`))]);
    const lines = text.split('\n');
    expect(lines[8]).toBe('@article{broken,');
  });

  it('reads many entries with a macro defined midway, and skips an entry too long to be a paper', async () => {
    const entries = Array.from({ length: 150 }, (_, i) => entry(`e${i}`, i >= 100 ? ',\n  doi = mid # {.} # {' + String(i) + '}' : ''));
    const huge = `@article{huge,\n  title = {Huge},\n  abstract = {${'word '.repeat(1_000_000)}}\n}\n`;
    const text = `${entries.slice(0, 100).join('')}@string{mid = "10.1000/x"}\n${huge}${entries.slice(100).join('')}`;
    const path = await tempFile('many.bib', text);
    const result = await readPapers(path);
    expect(result.papers).toHaveLength(150);
    expect(result.papers[0]?.id).toBe('bibtex:e0');
    expect(result.papers[149]).toMatchObject({ id: 'doi:10.1000/x.149', title: 'Paper e149' });
    expect(messages(result)).toEqual([`${path}:402: BibTeX entry longer than 4194304 characters`]);
    expect(text.split('\n')[401]).toBe('@article{huge,');
  });

  it('reads a JSON array element by element: the elements before an error land, the error names its line', async () => {
    const good = (title: string) => JSON.stringify({ title, abstract: `We study ${title}.` });
    const path = await tempFile('broken.json', `[\n  ${good('A')},\n  ${good('B')},\n  {"title": "C",, }\n  ${good('D')}\n]\n`);
    const result = await readPapers(path);
    expect(result.papers.map((paper) => paper.title)).toEqual(['A', 'B']);
    expect(messages(result)).toEqual([expect.stringMatching(new RegExp(`^${path}:4: invalid JSON: `))]);

    const unclosed = await tempFile('unclosed.json', `[\n  ${good('A')},\n  ${good('B')}\n`);
    const cut = await readPapers(unclosed);
    expect(cut.papers.map((paper) => paper.title)).toEqual(['A', 'B']);
    expect(messages(cut)).toEqual([`${unclosed}:3: invalid JSON: the JSON array is not closed`]);
  });

  it('reads elements of a JSON array that share a line or span several, each at the line it starts on', async () => {
    const text = `[{"title": "A", "abstract": "We study A."}, {"title": "B",\n "abstract": "We study B.", "authors": ["X",\n "Y"]}, {"title": 3}\n]`;
    const result = await parsePapers(text, 'p.json', undefined);
    expect(result.papers.map(({ title, authors }) => ({ title, authors }))).toEqual([
      { title: 'A', authors: [] },
      { title: 'B', authors: ['X', 'Y'] },
    ]);
    expect(messages(result)).toEqual(['p.json:3: title must be a string; abstract is required']);
  });
});

describe('every format', () => {
  it('is detected from the content whatever the file name', async () => {
    for (const name of ['arxiv-snapshot.jsonl', 'openalex-works.jsonl', 'papers.bib']) {
      const text = await readFile(fixture(name), 'utf8');
      const detected = await parsePapers(text, 'input.txt', undefined);
      expect(detected.papers.length).toBeGreaterThan(0);
      expect(detected.papers).toEqual((await readPapers(fixture(name))).papers);
    }
  });

  it('is read from gzip as from the plain file', async () => {
    const plain = await readPapers(fixture('arxiv-snapshot.jsonl'));
    const gz = await tempFile('arxiv.jsonl.gz', gzipSync(await readFile(fixture('arxiv-snapshot.jsonl'))));
    const zipped = await readPapers(gz);
    expect(zipped.papers).toEqual(plain.papers);
    expect(messages(zipped)).toEqual([`${gz}:3: abstract must not be empty`]);
  });

  it('gives ids that are stable and merge the same paper by DOI', () => {
    expect(sourcePaperId('10.48550/arXiv.1706.03762', 'openalex:W1')).toBe('arxiv:1706.03762');
    expect(sourcePaperId('10.1000/ABC', 's2:1')).toBe(sourcePaperId('10.1000/abc', 'bibtex:x'));
    expect(sourcePaperId(null, 's2:1')).toBe('s2:1');
    expect(sourcePaperId('10.1002/(SICI)1097-4571', 's2:1')).toMatch(/^doi:[\p{L}\p{N}._:/-]+$/u);
  });

  it('lands the same paper from OpenAlex and Semantic Scholar as one id', async () => {
    const result = await readPaperSources([fixture('openalex-works.jsonl'), fixture('s2-papers.jsonl'), fixture('s2-abstracts.jsonl')]);
    expect(messages(result)).toContain(
      `${fixture('s2-papers.jsonl')}:1: duplicate paper id "doi:10.1000/xyz.42" (first at ${fixture('openalex-works.jsonl')}:2)`,
    );
  });
});

describe('input files (issue 11)', () => {
  it('reads line 1 of a file that starts with a UTF-8 byte-order mark', async () => {
    const path = await tempFile('bom.jsonl', `\uFEFF${JSON.stringify({ title: 'T', abstract: 'We study X.' })}\n`);
    const result = await readPapers(path);
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(1);
  });

  it('accepts a .json file holding an array, reporting a bad element by its line', async () => {
    const text = `[\n  {"title": "A", "abstract": "We study A."},\n  {"title": "B"},\n  {"title": "C", "abstract": "We study C."}\n]\n`;
    const path = await tempFile('papers.json', text);
    const result = await readPapers(path);
    expect(result.papers.map((paper) => paper.title)).toEqual(['A', 'C']);
    expect(messages(result)).toEqual([`${path}:3: abstract is required`]);
  });

  it('reports an id repeated across files with the file and line of both', async () => {
    const first = await tempFile('a.jsonl', `\n${JSON.stringify({ id: 'same', title: 'T', abstract: 'A' })}\n`);
    const second = await tempFile('b.jsonl', `${JSON.stringify({ id: 'other', title: 'T', abstract: 'A' })}\n${JSON.stringify({ id: 'same', title: 'T', abstract: 'A' })}\n`);
    const result = await readPaperSources([first, second]);
    expect(messages(result)).toEqual([`${second}:2: duplicate paper id "same" (first at ${first}:2)`]);
  });

  it('reads categories and a DOI in any of its forms from JSON Lines, and refuses ones that are not', async () => {
    const line = (fields: object) => JSON.stringify({ title: 'T', abstract: 'We study X.', ...fields });
    const text = [
      line({ id: 'a', categories: ['cs.CL', 'stat.ML'], doi: 'https://doi.org/10.1000/ABC.1' }),
      line({ id: 'b', doi: 'doi:10.1000/x' }),
      line({ id: 'c' }),
      line({ id: 'd', doi: 'not a doi' }),
      line({ id: 'e', categories: 'cs.CL' }),
      line({ id: 'f', categories: ['two words'] }),
    ].join('\n');
    const result = await parsePapers(text, 'p.jsonl', 'jsonl');
    expect(result.papers.map(({ id, categories, doi }) => ({ id, categories, doi }))).toEqual([
      { id: 'a', categories: ['cs.CL', 'stat.ML'], doi: '10.1000/abc.1' },
      { id: 'b', categories: [], doi: '10.1000/x' },
      { id: 'c', categories: [], doi: null },
    ]);
    expect(messages(result)).toEqual([
      'p.jsonl:4: doi must be a DOI like 10.1234/abc (or https://doi.org/10.1234/abc)',
      'p.jsonl:5: categories must be an array of strings',
      'p.jsonl:6: a category must be one word, like cs.CL',
    ]);
  });

  it('keeps titles and abstracts as given, so offsets index the text that was sent', async () => {
    const result = await parsePapers(JSON.stringify({ title: '  Spaced title ', abstract: '\n We study X. ' }), 'p.jsonl', 'jsonl');
    expect(result.papers[0]).toMatchObject({ title: '  Spaced title ', abstract: '\n We study X. ' });
    expect((await parsePapers(JSON.stringify({ title: ' ', abstract: 'A' }), 'p.jsonl', 'jsonl')).errors[0]?.message).toBe(
      'title must not be empty',
    );
  });
});
