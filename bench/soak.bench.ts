/**
 * Soak: a papergraph API under mixed reads at fixed concurrency, on Neo4j and on the embedded store.
 *
 *   npm run bench:soak -- [--seconds 60] [--connections 50] [--papers 15000] [--store both|neo4j|memory]
 *
 * The API runs in its own process (bench/soak-server.ts) so that its memory is its own. Each of `--connections`
 * clients sends, back to back, one of four reads picked at random (seeded): a page of papers found by a title
 * word with their concepts, a paper's related papers with the shared concepts, the stats, and a concept by name
 * with its first papers. Printed per store: requests, req/s, p50/p99 latency, errors by code and reason, client
 * timeouts (30 s), resident memory of the API and of Neo4j after warm-up (the first quarter) and at the end, and
 * whether Neo4j still answers. Nothing is asserted.
 *
 * Neo4j: NEO4J_URI (and NEO4J_PASSWORD) name a database holding the synthetic corpus of `--papers` papers, e.g.
 *   npm run bench:corpus -- --papers 15000 --store neo4j --clear
 * The embedded store loads the same corpus in the API process.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { createSyntheticCorpus, seededRandom, syntheticPaperId, type SyntheticCorpus } from './synthetic-corpus.js';
import { cliArg } from '../scripts/cli-arg.js';
import { median, quantile } from './statistics.js';

const SECONDS = Number(cliArg('--seconds') ?? '60');
const CONNECTIONS = Number(cliArg('--connections') ?? '50');
const PAPERS = Number(cliArg('--papers') ?? '15000');
const STORES = (cliArg('--store') ?? 'both') === 'both' ? ['neo4j', 'memory'] : [cliArg('--store') ?? 'both'];
const CLIENT_TIMEOUT_MS = 30_000;
/** A hard bound on requests per run, whatever the speed. */
const MAX_REQUESTS = 2_000_000;

interface Read {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
}

const QUERIES = {
  papersWithConcepts: `query($q: String) { papers(first: 10, query: $q) { totalCount nodes { id title concepts { role concept { name type } } } } }`,
  related: `query($id: ID!) { paper(id: $id) { related(first: 5) { score paper { title } sharedConcepts { concept { name } weight } } } }`,
  stats: `{ stats { papers concepts mentions byType { type count } } }`,
  conceptByName: `query($n: String!) { conceptByName(name: $n) { id name paperCount papers(first: 5) { nodes { title } } } }`,
};

function makeReads(corpus: SyntheticCorpus, seed: number): () => Read {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return () => {
    const paper = corpus.paper(pick(corpus.size));
    switch (pick(4)) {
      case 0: {
        const words = paper.title.split(/\W+/).filter((w) => w.length > 4);
        return { kind: 'papersWithConcepts', query: QUERIES.papersWithConcepts, variables: { q: words[pick(words.length)] ?? 'attention' } };
      }
      case 1:
        return { kind: 'related', query: QUERIES.related, variables: { id: syntheticPaperId(pick(corpus.size)) } };
      case 2:
        return { kind: 'stats', query: QUERIES.stats, variables: {} };
      default: {
        const concepts = paper.extraction.concepts;
        return { kind: 'conceptByName', query: QUERIES.conceptByName, variables: { n: concepts[pick(concepts.length)]?.name ?? 'Transformer' } };
      }
    }
  };
}

/** Resident memory of a process in MB, or null when it is gone. */
function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
}

/** The process listening on a local TCP port (Neo4j's Bolt port), via `ss`. */
function listenerPid(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function startApi(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('./soak-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--papers', String(PAPERS)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const parsed = JSON.parse(line) as { url: string };
    return { url: parsed.url, child };
  }
  throw new Error('the API process ended before listening');
}


async function soak(store: string, corpus: SyntheticCorpus): Promise<void> {
  const config = loadConfig();
  if (store === 'neo4j' && config.neo4j === null) {
    console.log('neo4j: skipped (set NEO4J_URI and NEO4J_PASSWORD to a database holding the synthetic corpus)');
    return;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (store === 'memory') for (const key of Object.keys(env)) if (key.startsWith('NEO4J_')) delete env[key];
  const { url, child } = await startApi(env);
  const base = url.replace(/\/graphql$/, '');
  const neo4jPid = store === 'neo4j' ? listenerPid(Number(new URL(config.neo4j?.uri.replace(/^\w+(\+\w+)?:/, 'http:') ?? 'http://x:7687').port || 7687)) : null;
  try {
    const stats = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { papers } }' }),
    }).then((r) => r.json() as Promise<{ data?: { stats: { papers: number } } }>);
    const papers = stats.data?.stats.papers ?? 0;
    if (papers !== PAPERS) {
      console.log(`${store}: the graph holds ${papers} papers, not ${PAPERS}; load it with npm run bench:corpus -- --papers ${PAPERS} --store neo4j --clear`);
      return;
    }

    const nextRead = makeReads(corpus, 7);
    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    const errors = new Map<string, number>();
    let timeouts = 0;
    let sent = 0;
    const memory: { at: number; api: number | null; neo4j: number | null }[] = [];
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    const sampler = setInterval(() => {
      memory.push({ at: (performance.now() - t0) / 1000, api: rssMb(child.pid ?? -1), neo4j: neo4jPid === null ? null : rssMb(neo4jPid) });
    }, 1000);

    const client = async () => {
      while (performance.now() < end && sent < MAX_REQUESTS) {
        sent++;
        const read = nextRead();
        const started = performance.now();
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: read.query, variables: read.variables }),
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string; reason?: string } }[] };
          latencies.push(performance.now() - started);
          byKind.set(read.kind, [...(byKind.get(read.kind) ?? []), performance.now() - started]);
          const error = body.errors?.[0];
          if (response.status !== 200 || error) {
            const key = `${read.kind}: ${response.status} ${error?.extensions?.code ?? ''} ${error?.extensions?.reason ?? ''}`.trim();
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') timeouts++;
          else {
            const cause = (error as { cause?: { code?: string } }).cause?.code ?? '';
            const key = `${read.kind}: ${(error as Error).message} ${cause}`.trim();
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    const elapsed = (performance.now() - t0) / 1000;
    clearInterval(sampler);

    const ready = await fetch(`${base}/ready`).then((r) => r.status, () => 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    const afterWarmUp = memory.filter((m) => m.at >= SECONDS / 4);
    const quarter = (from: number, to: number, key: 'api' | 'neo4j') =>
      median(afterWarmUp.filter((m) => m.at >= (from * SECONDS) / 4 && m.at < (to * SECONDS) / 4).flatMap((m) => (m[key] === null ? [] : [m[key]])));
    const mem = (key: 'api' | 'neo4j') => {
      const values = afterWarmUp.flatMap((m) => (m[key] === null ? [] : [m[key]]));
      if (values.length === 0) return 'n/a';
      return `${quarter(1, 2, key).toFixed(0)} MB (2nd quarter, median) → ${quarter(3, 4, key).toFixed(0)} MB (last quarter), max ${Math.max(...values).toFixed(0)} MB`;
    };
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${store}: ${PAPERS} papers, ${CONNECTIONS} connections, ${elapsed.toFixed(1)} s`);
    console.log(`  requests ${latencies.length + timeouts}, ${(latencies.length / elapsed).toFixed(1)} req/s, p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`);
    for (const [kind, values] of byKind) {
      const sortedKind = [...values].sort((a, b) => a - b);
      console.log(`    ${kind}: ${values.length} answered, p50 ${quantile(sortedKind, 0.5).toFixed(1)} ms, p99 ${quantile(sortedKind, 0.99).toFixed(1)} ms`);
    }
    console.log(`  errors ${errorCount}, timeouts ${timeouts}${errorCount > 0 ? `: ${JSON.stringify(Object.fromEntries(errors))}` : ''}`);
    console.log(`  API memory ${mem('api')}`);
    if (store === 'neo4j') {
      console.log(`  Neo4j memory ${mem('neo4j')}; alive ${neo4jPid !== null && rssMb(neo4jPid) !== null ? 'yes' : 'NO'}`);
    }
    console.log(`  /ready after the soak: ${ready}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const corpus = await createSyntheticCorpus({ papers: PAPERS });
for (const store of STORES) await soak(store, corpus);
