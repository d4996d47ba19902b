import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { main } from '../../src/cli/main.js';

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

  it('lists more typed phrases with --min-confidence 0 than at the graph threshold', async () => {
    const count = async (args: string[]) =>
      (JSON.parse((await run(['extract', ...args, 'seeds/trending-attention-papers.txt'])).stdout.split('\n')[0]!) as {
        concepts: unknown[];
      }).concepts.length;
    expect(await count(['--min-confidence', '0'])).toBeGreaterThan(await count([]));
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
    const dir = await mkdtemp(join(tmpdir(), 'papergraph-cli-'));
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
