/**
 * `npm run bench:io`: the importers and exporters at scale (issue 13), on the synthetic corpus of
 * bench/synthetic-corpus.ts.
 *
 *   npm run bench:io -- [--papers 100000] [--extract 1000] [--rounds 2] [--only files]
 *
 * Each phase runs in a child process of its own, so that its peak memory (max RSS) is its own:
 * 1. read: stream N arXiv-snapshot records (generated from the corpus) through the arXiv importer (parse + validate);
 * 2. extract: the first `--extract` of them through the whole ingest pipeline into the embedded store, with 1 and
 *    with 2 worker threads, interleaved `--rounds` times (extraction is what makes ingest slow);
 * 3. write: `papergraph ingest` of the same N papers carrying their concepts (no extraction: the write step
 *    only) into an emptied Neo4j (NEO4J_URI, default bolt://127.0.0.1:7687);
 * 4. export: `papergraph export --format csv` of those N papers from Neo4j;
 * 5. bulk: `neo4j-admin database import full` of that CSV into a fresh database in a temporary home, with the
 *    project's jars, timed against step 3.
 * 6. files: BibTeX and JSON-array files (the formats that are not one record a line) of N/4 and N papers read
 *    through their importers, to show peak memory does not grow with the file (`--only files` runs this alone,
 *    without Neo4j).
 * RSS is sampled every 500 ms in each child and printed at each tenth of the run, to show it stays flat.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { createSilentLogger } from '../src/config/index.js';
import { createSink, jsonlLine, neo4jAdminImportArgs, writeNeo4jCsv } from '../src/export/index.js';
import {
  createMemoryStore,
  createNeo4jStore,
  exportConcepts,
  exportPapers,
  ingestPaperStream,
  type AnalyzedPaper,
} from '../src/graph/index.js';
import { streamPapers } from '../src/ingest/index.js';
import { createTemporaryNeo4j, hasNeo4jJars } from '../test/support/temporary-neo4j.js';
import { benchNeo4jConfig, clearNeo4j, createSyntheticCorpus, describeCorpus } from './synthetic-corpus.js';
import { median } from './statistics.js';

async function graphCounts() {
  const store = createNeo4jStore({ config: benchNeo4jConfig(), logger: createSilentLogger() });
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
}

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    extract: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
    phase: { type: 'string' },
    file: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    'stop-after': { type: 'string' },
    only: { type: 'string' },
    clear: { type: 'boolean' },
  },
});

interface PhaseResult {
  papers: number;
  ms: number;
  maxRssMb: number;
  /** RSS in MB at each tenth of the papers. */
  rssByTenth: number[];
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Measures a phase in this (child) process: time, papers, and RSS sampled as it goes. */
async function measure(run: (onPapers: (n: number) => void) => Promise<number>, expected: number): Promise<PhaseResult> {
  const rssByTenth: number[] = [];
  let done = 0;
  const onPapers = (n: number) => {
    done = n;
    while (rssByTenth.length < 10 && done >= ((rssByTenth.length + 1) * expected) / 10) rssByTenth.push(mb(process.memoryUsage().rss));
  };
  const timer = setInterval(() => onPapers(done), 500);
  const t0 = performance.now();
  const papers = await run(onPapers);
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { papers, ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssByTenth };
}

/** An arXiv snapshot record for a corpus paper, with the dump's line wraps and its version dates. */
function arxivRecord(paper: AnalyzedPaper, i: number): string {
  const wrap = (text: string) => text.replace(/(.{70,}?) /g, '$1\n  ');
  const day = paper.published ?? '2020-01-01';
  return JSON.stringify({
    id: `2001.${String(i).padStart(5, '0')}`,
    submitter: paper.authors[0] ?? 'Anonymous',
    authors: paper.authors.join(', '),
    title: wrap(paper.title),
    comments: null,
    'journal-ref': null,
    doi: null,
    'report-no': null,
    categories: 'cs.LG cs.CL',
    license: null,
    abstract: `  ${wrap(paper.abstract)}\n`,
    versions: [{ version: 'v1', created: new Date(`${day}T12:00:00Z`).toUTCString() }],
    update_date: day,
    authors_parsed: paper.authors.map((name) => [name.split(' ').slice(-1)[0], name.split(' ').slice(0, -1).join(' '), '']),
  });
}

/** A BibTeX entry for a corpus paper (TeX's special characters dropped from the text), using an `@string` macro. */
function bibtexEntry(paper: AnalyzedPaper, i: number): string {
  const tex = (text: string) => text.replace(/[{}\\%#&$_^~]/g, '');
  const [year, month, day] = (paper.published ?? '2020-01-01').split('-');
  return (
    `@article{syn${i},\n  title = {${tex(paper.title)}},\n  author = {${paper.authors.map(tex).join(' and ')}},\n` +
    `  journal = synthetic,\n  year = {${year}}, month = {${Number(month)}}, day = {${Number(day)}},\n` +
    `  abstract = {${tex(paper.abstract)}}\n}\n`
  );
}

/** A paper as one element of a pretty-printed JSON array (as `JSON.stringify(papers, null, 2)` writes it). */
function jsonArrayElement(paper: AnalyzedPaper, i: number, last: boolean): string {
  const record = { id: paper.id, title: paper.title, abstract: paper.abstract, url: paper.url, published: paper.published, authors: paper.authors };
  return `${i === 0 ? '[\n' : ''}  ${JSON.stringify(record, null, 2).replace(/\n/g, '\n  ')}${last ? '\n]' : ','}`;
}

/** Peak memory reading BibTeX and JSON-array files of N/4 and N papers (phase 6). */
async function fileFormats(corpus: Awaited<ReturnType<typeof createSyntheticCorpus>>, papers: number, dir: string): Promise<void> {
  for (const n of [Math.floor(papers / 4), papers]) {
    const bib = join(dir, `papers-${n}.bib`);
    const array = join(dir, `papers-${n}.json`);
    await writeLines(bib, (function* () {
      yield '@string{synthetic = "Journal of Synthetic Papers"}';
      for (let i = 0; i < n; i++) yield bibtexEntry(corpus.paper(i), i);
    })());
    await writeLines(array, (function* () {
      for (let i = 0; i < n; i++) yield jsonArrayElement(corpus.paper(i), i, i === n - 1);
    })());
    for (const [label, file] of [['BibTeX', bib], ['JSON array', array]] as const) {
      const size = (await stat(file)).size;
      const r = runChild('read', { file, papers: String(n) });
      console.log(line(`6. ${label} file, ${mb(size)} MB`, r));
      await rm(file);
    }
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const sink = createSink(out);
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      await sink.write(buffer);
      buffer = '';
    }
  }
  await sink.write(buffer);
  out.end();
  await once(out, 'finish');
}

async function child(phase: string): Promise<PhaseResult> {
  const file = values.file!;
  const papers = Number(values.papers);
  switch (phase) {
    case 'read':
      return measure(async (onPapers) => {
        let n = 0;
        for await (const event of streamPapers([file])) {
          if ('paper' in event && ++n % 1000 === 0) onPapers(n);
        }
        return n;
      }, papers);
    case 'extract': {
      const store = createMemoryStore();
      return measure(async (onPapers) => {
        const result = await ingestPaperStream(store, streamPapers([file]), {
          workers: Number(values.workers),
          onProgress: (p) => onPapers(p.written),
        });
        return result.written;
      }, papers);
    }
    case 'write': {
      // `papergraph ingest FILE` itself (its progress lines on standard error), killed outright after
      // `--stop-after` papers when given, as a crash or Ctrl-C would.
      const config = benchNeo4jConfig();
      const stopAfter = values['stop-after'] === undefined ? Infinity : Number(values['stop-after']);
      if (values.clear !== undefined) await clearNeo4j(config);
      const { main: cli } = await import('../src/cli/main.js');
      const env = { ...process.env, NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password, LOG_LEVEL: 'warn' };
      let written = 0;
      const stdout = new PassThrough();
      const said = text(stdout);
      const result = await measure(async (onPapers) => {
        const watch = setInterval(() => onPapers(written), 200);
        const store = createNeo4jStore({ config, logger: createSilentLogger() });
        // The bar reports read papers; the written count is polled from the graph for the RSS samples.
        const poll = setInterval(() => {
          void store.stats().then((s) => {
            written = s.papers;
            if (written >= stopAfter) process.kill(process.pid, 'SIGKILL');
          }, () => {});
        }, 1000);
        try {
          const code = await cli(['node', 'papergraph', 'ingest', '--batch-size', '1000', file], {
            stdout,
            stderr: process.stderr,
            stdin: process.stdin,
            env,
          });
          if (code !== 0) throw new Error(`papergraph ingest exited ${code}`);
        } finally {
          clearInterval(watch);
          clearInterval(poll);
          await store.close();
        }
        return papers;
      }, papers);
      stdout.end();
      process.stderr.write(await said);
      return result;
    }
    case 'export': {
      const store = createNeo4jStore({ config: benchNeo4jConfig(), logger: createSilentLogger() });
      try {
        return await measure((onPapers) => writeNeo4jCsv(exportConcepts(store), exportPapers(store), values.out!, onPapers), papers);
      } finally {
        await store.close();
      }
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

function runChild(phase: string, args: Record<string, string | true>, expectKill = false): PhaseResult & { wallMs: number } {
  const self = fileURLToPath(import.meta.url);
  const flags = Object.entries(args).flatMap(([k, v]) => (v === true ? [`--${k}`] : [`--${k}`, v]));
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--phase', phase, ...flags], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const wallMs = performance.now() - t0;
  if (expectKill) {
    if (result.signal !== 'SIGKILL') throw new Error(`phase ${phase} was to be killed, but exited ${result.status}`);
    return { papers: 0, ms: wallMs, maxRssMb: 0, rssByTenth: [], wallMs };
  }
  if (result.status !== 0) throw new Error(`phase ${phase} failed (exit ${result.status})`);
  return { ...(JSON.parse(result.stdout.trim().split('\n').at(-1)!) as PhaseResult), wallMs };
}

const rate = (r: PhaseResult) => (r.papers / (r.ms / 1000)).toFixed(0);
const line = (label: string, r: PhaseResult) =>
  `${label.padEnd(44)} ${String(r.papers).padStart(7)} papers  ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${rate(r).padStart(7)} papers/s  ` +
  `peak RSS ${r.maxRssMb} MB  (RSS by tenth: ${r.rssByTenth.join(' ')})`;

async function main(): Promise<void> {
  const papers = Number(values.papers);
  const extract = Number(values.extract);
  const rounds = Number(values.rounds);
  const dir = await mkdtemp(join(tmpdir(), 'papergraph-bench-io-'));
  try {
    const corpus = await createSyntheticCorpus({ papers });
    if (values.only === 'files') {
      await fileFormats(corpus, papers, dir);
      return;
    }
    const arxiv = join(dir, 'arxiv.jsonl');
    const arxivSample = join(dir, 'arxiv-sample.jsonl');
    const extracted = join(dir, 'extracted.jsonl');
    const t0 = performance.now();
    const range = function* (n: number) {
      for (let i = 0; i < n; i++) yield i;
    };
    await writeLines(arxiv, (function* () { for (const i of range(papers)) yield arxivRecord(corpus.paper(i), i); })());
    await writeLines(arxivSample, (function* () { for (const i of range(Math.min(extract, papers))) yield arxivRecord(corpus.paper(i), i); })());
    await writeLines(
      extracted,
      (function* () {
        for (const i of range(papers)) {
          const paper = corpus.paper(i);
          const links = paper.extraction.concepts.map((c) => ({
            link: { paperId: paper.id, conceptId: c.id, role: c.role, confidence: c.confidence, mentions: c.mentions, evidence: c.evidence },
            concept: { id: c.id, name: c.name, type: c.type, aliases: c.aliases, broader: c.broader ?? null, paperCount: 0 },
          }));
          yield jsonlLine({ paper: { ...paper, codeLinks: paper.extraction.codeLinks }, links });
        }
      })(),
    );
    console.log(`generated ${papers} arXiv records and ${papers} pre-extracted papers in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`);

    console.log(line('1. arXiv import (read, parse, validate)', runChild('read', { file: arxiv, papers: String(papers) })));

    const byWorkers = new Map<number, number[]>([[1, []], [2, []]]);
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) {
        const r = runChild('extract', { file: arxivSample, papers: String(extract), workers: String(workers) });
        byWorkers.get(workers)!.push(r.papers / (r.ms / 1000));
        console.log(line(`2. arXiv ingest with extraction, ${workers} worker(s)`, r));
      }
    }
    const [one, two] = [byWorkers.get(1)!, byWorkers.get(2)!];
    console.log(
      `   extraction throughput, median of ${rounds}: 1 worker ${median(one).toFixed(1)} papers/s, 2 workers ${median(two).toFixed(1)} papers/s ` +
        `(ratio ${(median(two) / median(one)).toFixed(2)}; spread 1: ${Math.min(...one).toFixed(1)}–${Math.max(...one).toFixed(1)}, ` +
        `2: ${Math.min(...two).toFixed(1)}–${Math.max(...two).toFixed(1)})`,
    );

    // 3. The CLI, killed after 30% of the papers, then run again: it must complete with exact counts.
    const shape = describeCorpus(corpus);
    const killed = runChild('write', { file: extracted, papers: String(papers), clear: true, 'stop-after': String(Math.floor(papers * 0.3)) }, true);
    const landed = (await graphCounts()).papers;
    const resumed = runChild('write', { file: extracted, papers: String(papers) });
    const counts = await graphCounts();
    const write = { ...resumed, ms: killed.wallMs + resumed.wallMs, papers };
    console.log(line('3. papergraph ingest into Neo4j, write step', write));
    console.log(
      `   killed (SIGKILL) with ${landed} papers written, then re-run: graph ${counts.papers} papers, ${counts.concepts} concepts, ` +
        `${counts.mentions} mentions; corpus ${shape.papers} / ${shape.concepts} / ${shape.mentions}: ` +
        `${counts.papers === shape.papers && counts.concepts === shape.concepts && counts.mentions === shape.mentions ? 'exact' : 'MISMATCH'}` +
        ` (time: both processes, start-up included; peak RSS of the re-run)`,
    );
    const csv = join(dir, 'csv');
    const exported = runChild('export', { out: csv, papers: String(papers) });
    console.log(line('4. papergraph export --format csv from Neo4j', exported));
    await fileFormats(corpus, papers, dir);

    if (!hasNeo4jJars()) {
      console.log('5. neo4j-admin: skipped (no jars in .neo4j/lib: run npm run neo4j:start once)');
      return;
    }
    const neo = await createTemporaryNeo4j({ heap: '768m', pageCache: '256m' });
    try {
      const result = neo.admin(neo4jAdminImportArgs(csv));
      if (result.status !== 0) throw new Error(`neo4j-admin failed:\n${result.output}`);
      console.log(
        `${'5. neo4j-admin database import full of that CSV'.padEnd(44)} ${String(papers).padStart(7)} papers  ${(result.ms / 1000).toFixed(1).padStart(7)} s  ` +
          `${(papers / (result.ms / 1000)).toFixed(0).padStart(7)} papers/s  (JVM start included)`,
      );
      // papergraph's first start on the imported database: indexes, counters and empty lists.
      const config = await neo.start();
      const store = createNeo4jStore({ config, logger: createSilentLogger() });
      const t0 = performance.now();
      await store.init();
      const initMs = performance.now() - t0;
      const imported = await store.stats();
      await store.close();
      console.log(
        `   then papergraph's first start on it (indexes, counters, empty lists): ${(initMs / 1000).toFixed(1)} s; ` +
          `graph ${imported.papers} papers, ${imported.concepts} concepts, ${imported.mentions} mentions`,
      );
      const bulkMs = result.ms + initMs;
      console.log(
        `   bulk import + first start ÷ papergraph ingest write step, time: ${(bulkMs / write.ms).toFixed(3)} (${(write.ms / bulkMs).toFixed(1)}× faster)`,
      );
    } finally {
      await neo.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values.phase !== undefined) {
  console.log(JSON.stringify(await child(values.phase)));
  process.exit(0);
} else {
  await main();
}
