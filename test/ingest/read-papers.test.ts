import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  formatFromPath,
  formatRecordError,
  paperIdFromTitle,
  parsePapers,
  readPaperSources,
  readPapers,
  validatePaperInputs,
} from '../../src/ingest/index.js';
import { temporaryDirectories } from '../support/temporary-directories.js';

const temporaryDirectory = temporaryDirectories('papergraph-ingest-');

const abstract = (topic: string) =>
  `We study ${topic} in depth. This abstract is long enough to count as a paragraph of the scraped page, ` +
  `and it ends with a full stop like every abstract does.`;

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await temporaryDirectory();
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('the page format', () => {
  it('reads all 49 seed papers and skips the page chrome', async () => {
    const { papers, errors } = await readPapers('seeds/trending-attention-papers.txt');
    expect(errors).toEqual([]);
    expect(papers).toHaveLength(49);
    expect(papers[0]?.title).toBe('TabR: Unlocking the Power of Retrieval-Augmented Tabular Deep Learning');
    expect(papers[0]?.abstract.startsWith('Deep learning (DL) models for tabular data')).toBe(true);
    expect(papers.at(-1)?.title).toBe('Selective Attention: Enhancing Transformer through Principled Context Control');
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(49);
  });

  it('reports a title without an abstract by its line, and keeps the good papers', async () => {
    const text = ['new', '', 'Subscribe', '', 'Good Paper', '', abstract('a'), '', 'Orphan Title', '', 'Next Paper', '', abstract('b')].join('\n');
    const { papers, errors } = await parsePapers(text, 'page.txt', 'page');
    expect(papers.map((paper) => paper.title)).toEqual(['Good Paper', 'Next Paper']);
    expect(errors).toEqual([{ source: 'page.txt', line: 9, message: 'title line without an abstract paragraph after it' }]);
  });

  it('reports an abstract without a title', async () => {
    const text = ['Good Paper', '', abstract('a'), '', abstract('b')].join('\n');
    const { errors } = await parsePapers(text, 'page.txt', 'page');
    expect(errors.map(formatRecordError)).toEqual(['page.txt:5: abstract paragraph without a title line before it']);
  });
});

describe('JSON Lines', () => {
  it('reads records with optional fields and normalizes the date', async () => {
    const line = JSON.stringify({
      id: 'arxiv:2401.00001',
      title: ' A Title ',
      abstract: abstract('x'),
      url: 'https://arxiv.org/abs/2401.00001',
      published: '2024-01-02T10:00:00Z',
      authors: ['Ada Lovelace'],
    });
    const { papers, errors } = await parsePapers(`${line}\n`, 'p.jsonl', 'jsonl');
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      {
        id: 'arxiv:2401.00001',
        title: ' A Title ',
        abstract: abstract('x'),
        url: 'https://arxiv.org/abs/2401.00001',
        published: '2024-01-02',
        authors: ['Ada Lovelace'],
        categories: [],
        doi: null,
      },
    ]);
  });

  it('names the line of each bad record and keeps the good ones', async () => {
    const lines = [
      JSON.stringify({ title: 'Fine', abstract: abstract('fine') }),
      '{"title": "broken",',
      JSON.stringify({ title: 'No abstract' }),
      JSON.stringify({ title: 42, abstract: abstract('n') }),
      JSON.stringify({ title: 'Huge', abstract: 'x'.repeat(20_001) }),
      JSON.stringify({ title: 'Bad date', abstract: abstract('d'), published: '2024-02-30' }),
      JSON.stringify({ title: 'Bad url', abstract: abstract('u'), url: 'javascript:alert(1)' }),
      JSON.stringify(['not', 'an', 'object']),
      '',
      JSON.stringify({ title: 'Fine', abstract: abstract('again') }),
    ];
    const { papers, errors } = await parsePapers(lines.join('\n'), 'p.jsonl', 'jsonl');
    expect(papers.map((paper) => paper.title)).toEqual(['Fine']);
    expect(errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10]);
    expect(errors[0]?.message).toMatch(/^invalid JSON/);
    expect(errors[1]?.message).toBe('abstract is required');
    expect(errors[2]?.message).toBe('title must be a string');
    expect(errors[3]?.message).toBe('abstract is longer than 20000 characters');
    expect(errors[4]?.message).toMatch(/published must be a date/);
    expect(errors[5]?.message).toBe('url must be an http(s) URL');
    expect(errors[6]?.message).toBe('a paper must be a JSON object');
    expect(errors[7]?.message).toMatch(/^duplicate paper id/);
  });

  it('reports an empty file', async () => {
    expect((await parsePapers(' \n\n', 'empty.jsonl', 'jsonl')).errors).toEqual([
      { source: 'empty.jsonl', line: 1, message: 'file is empty' },
    ]);
  });

  it('accepts an empty title only when asked to', async () => {
    const line = JSON.stringify({ abstract: abstract('untitled') });
    expect((await parsePapers(line, 's', 'jsonl')).errors[0]?.message).toBe('title is required');
    const { papers } = await parsePapers(line, 's', 'jsonl', { allowEmptyTitle: true });
    expect(papers[0]?.title).toBe('');
    expect(papers[0]?.id).toBe(paperIdFromTitle(abstract('untitled')));
  });
});

describe('paper ids', () => {
  it('are derived from the title, stable across case and spacing', async () => {
    expect(paperIdFromTitle('Attention Is All You Need')).toBe(paperIdFromTitle('  attention  is all you NEED '));
    expect(paperIdFromTitle('Attention Is All You Need')).toMatch(/^attention-is-all-you-need-[0-9a-f]{10}$/);
  });

  it('differ for titles that slug alike', async () => {
    expect(paperIdFromTitle('C++ Models')).not.toBe(paperIdFromTitle('C Models'));
  });

  it('keep a given id', async () => {
    expect(validatePaperInputs([{ id: 'p1', title: 'T', abstract: 'A' }]).papers[0]?.id).toBe('p1');
  });
});

describe('reading files and directories', () => {
  it('picks the format from the extension', async () => {
    expect(formatFromPath('a/b.jsonl')).toBe('jsonl');
    expect(formatFromPath('a/b.JSON')).toBe('jsonl');
    expect(formatFromPath('a/b.txt')).toBe('page');
  });

  it('refuses a missing file with a clear error', async () => {
    await expect(readPapers('does/not/exist.jsonl')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('does/not/exist.jsonl: cannot read (ENOENT)'),
    });
  });

  it('reports a paper id repeated across files once', async () => {
    const line = JSON.stringify({ id: 'same', title: 'T', abstract: 'A' });
    const first = await tempFile('a.jsonl', line);
    const second = await tempFile('b.jsonl', line);
    const { papers, errors } = await readPaperSources([first, second]);
    expect(papers).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/duplicate paper id "same"/);
  });
});
