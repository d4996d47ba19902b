import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { main } from '../../src/cli/main.js';
import { temporaryDirectories } from '../support/temporary-directories.js';

const temporaryDirectory = temporaryDirectories('papergraph-cli-');

async function run(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outText = text(stdout);
  const errText = text(stderr);
  const code = await main(['node', 'papergraph', ...args], {
    stdout,
    stderr,
    stdin: Readable.from([stdin]),
    env: { LOG_LEVEL: 'silent' },
  });
  stdout.end();
  stderr.end();
  return { code, stdout: await outText, stderr: await errText };
}

const abstract =
  'We propose FlashAttention, an IO-aware exact attention algorithm. We evaluate it on the Long Range Arena (LRA) benchmark and report perplexity.';

describe('papergraph extract', () => {
  it('prints one JSON line per seed paper whose mention offsets hold', async () => {
    const { code, stdout } = await run(['extract', 'seeds/trending-attention-papers.txt']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as {
      id: string;
      title: string;
      concepts: { name: string; mentions: { field: string; start: number; end: number; text: string }[] }[];
    });
    expect(lines).toHaveLength(49);
    for (const line of lines) {
      expect(Object.keys(line).slice(0, 3)).toEqual(['id', 'title', 'concepts']);
      for (const concept of line.concepts) {
        for (const mention of concept.mentions) expect(mention.text.length).toBe(mention.end - mention.start);
      }
    }
  });

  it('reads a plain abstract from standard input with an empty title', async () => {
    const { code, stdout } = await run(['extract', '-'], abstract);
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as { title: string; concepts: { name: string; mentions: { field: string; start: number; end: number; text: string }[] }[] };
    expect(line.title).toBe('');
    const flash = line.concepts.find((concept) => concept.name === 'FlashAttention');
    expect(flash).toBeDefined();
    for (const mention of flash!.mentions) {
      expect(mention.field).toBe('abstract');
      expect(abstract.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('lists more typed phrases with a lower --min-confidence', async () => {
    const count = async (args: string[]) =>
      (JSON.parse((await run(['extract', ...args, 'seeds/trending-attention-papers.txt'])).stdout.split('\n')[0]!) as {
        concepts: unknown[];
      }).concepts.length;
    expect(await count(['--min-confidence', '0'])).toBeGreaterThan(await count(['--min-confidence', '0.9']));
    expect(await count([])).toBeGreaterThanOrEqual(await count(['--min-confidence', '0.9']));
  });

  it('refuses a confidence outside [0, 1] with a usage error', async () => {
    const { code, stderr } = await run(['extract', '--min-confidence', '2']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/must be a number from 0 to 1/);
  });

  it('reports a bad JSON line with its line number and exits 1', async () => {
    const input = `${JSON.stringify({ title: 'T', abstract })}\n{oops\n`;
    const { code, stdout, stderr } = await run(['extract', '-'], input);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^stdin:2: invalid JSON/);
  });
});

describe('papergraph ingest', () => {
  async function jsonlFile(lines: unknown[]): Promise<string> {
    const dir = await temporaryDirectory();
    const path = join(dir, 'papers.jsonl');
    await writeFile(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
    return path;
  }

  it('writes the good records, names the bad ones by file and line, and exits 1', async () => {
    const path = await jsonlFile([{ title: 'Good', abstract }, { title: 'No abstract' }]);
    const { code, stdout, stderr } = await run(['ingest', path]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}:2: abstract is required`);
    expect(stdout).toMatch(/ingested 1 paper\(s\) into memory; 1 bad record\(s\) skipped/);
  });

  it('with --strict writes nothing when any record is bad', async () => {
    const path = await jsonlFile([{ title: 'Good', abstract }, '{broken']);
    const { code, stdout, stderr } = await run(['ingest', '--strict', path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/refused: 1 bad record\(s\); nothing was written/);
    expect(stdout).toBe('');
  });

  it('ingests the seed corpus by default', async () => {
    const { code, stdout } = await run(['ingest']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ingested 49 paper\(s\) into memory; 0 bad record\(s\) skipped; graph now has 49 papers/);
  });

  it('fails at start with a message naming the variable to fix', async () => {
    const stderr = new PassThrough();
    const errText = text(stderr);
    const code = await main(['node', 'papergraph', 'ingest'], {
      stdout: new PassThrough(),
      stderr,
      stdin: Readable.from(['']),
      env: { NEO4J_URI: 'bolt://127.0.0.1:1' },
    });
    stderr.end();
    expect(code).toBe(1);
    expect(await errText).toMatch(/NEO4J_URI is set but NEO4J_PASSWORD is not/);
  });
});

describe('papergraph ingest of other formats, and export', () => {
  const sources = 'test/fixtures/sources';

  it('detects each source format from the content and names bad records by file and line', async () => {
    const { code, stdout, stderr } = await run(['ingest', '--workers', '1', `${sources}/openalex-works.jsonl`, `${sources}/papers.bib`]);
    expect(code).toBe(1);
    // The BibTeX entry of "Attention Is All You Need" names the same arXiv paper as the OpenAlex work: one paper.
    expect(stdout).toMatch(/ingested 3 paper\(s\) into memory; 4 bad record\(s\) skipped/);
    expect(stderr).toContain(`${sources}/openalex-works.jsonl:3: OpenAlex work W3000000002 has no abstract`);
    expect(stderr).toContain(`${sources}/papers.bib:5: duplicate paper id "arxiv:1706.03762" (first at ${sources}/openalex-works.jsonl:1)`);
    expect(stderr).toContain(`${sources}/papers.bib:27: abstract is required`);
  });

  it('refuses a format that does not fit the file, record by record', async () => {
    const { code, stderr } = await run(['ingest', '--format', 'openalex', `${sources}/arxiv-snapshot.jsonl`]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${sources}/arxiv-snapshot.jsonl:1: OpenAlex work without an id`);
  });

  it('refuses a worker count that is not a whole number', async () => {
    const { code, stderr } = await run(['ingest', '--workers', '0']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--workers must be a whole number of at least 1/);
  });

  it('extracts an arXiv snapshot read from standard input', async () => {
    const { readFile } = await import('node:fs/promises');
    const { code, stdout } = await run(['extract', '-'], await readFile(`${sources}/arxiv-snapshot.jsonl`, 'utf8'));
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((line) => line.id)).toEqual(['arxiv:2205.14135', 'doi:10.1000/j.anal.2005.001']);
  });

  it('exports what it ingested as JSON Lines, GraphML and neo4j-admin CSV', async () => {
    const jsonl = await run(['export', '--format', 'jsonl', '--ingest', `${sources}/openalex-works.jsonl`]);
    expect(jsonl.code).toBe(0);
    const lines = jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; concepts: { id: string }[] });
    expect(lines.map((line) => line.id)).toEqual(['arxiv:1706.03762', 'doi:10.1000/xyz.42']);
    expect(lines.every((line) => line.concepts.length > 0)).toBe(true);

    const graphml = await run(['export', '--format', 'graphml', '--cooccurrence', '--ingest', `${sources}/openalex-works.jsonl`]);
    expect(graphml.code).toBe(0);
    expect(graphml.stdout).toMatch(/^<\?xml/);
    expect(graphml.stdout).toContain('<node id="p:arxiv:1706.03762">');

    const dir = await temporaryDirectory();
    const csv = await run(['export', '--format', 'csv', '--out', dir, '--ingest', `${sources}/openalex-works.jsonl`]);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toMatch(/neo4j-admin database import full --nodes=/);
    const { readFile } = await import('node:fs/promises');
    const papers = (await readFile(join(dir, 'papers.csv'), 'utf8')).trim().split('\n');
    expect(papers[0]).toBe('id:ID(Paper),:LABEL,title,abstract,url,doi,published:date,authors:string[],categories:string[],codeLinks:string[],searchText');
    expect(papers).toHaveLength(3);
  });

  it('needs a directory for CSV', async () => {
    const { code, stderr } = await run(['export', '--format', 'csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs --out DIR/);
  });
});
