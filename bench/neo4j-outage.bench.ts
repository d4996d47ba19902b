/**
 * Neo4j crashes and comes back under a running API: how fast `/ready` and queries notice, and whether they
 * recover without restarting the API.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… NEO4J_BOLT_PORT=7687 npm run bench:outage
 *
 * Needs the local Neo4j of `npm run neo4j:start` (same NEO4J_* variables): it kills that server (SIGKILL, a crash),
 * waits `--down` seconds (default 10), and starts it again with `npm run neo4j:start`. Meanwhile it polls `/ready`
 * every 100 ms and sends `{ stats { papers } }` every 200 ms. Printed: when `/ready` first said 503 after the
 * crash, the queries during the outage (codes, slowest answer), when `/ready` first said 200 after Neo4j answered
 * again, and when the first query succeeded. The outage starts when the kill is sent; the return when
 * `neo4j:start` has seen Bolt answer.
 */
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startServer } from '../src/api/index.js';
import { createSilentLogger, loadConfig } from '../src/config/index.js';
import { createNeo4jStore } from '../src/graph/index.js';

const downIndex = process.argv.indexOf('--down');
const DOWN_SECONDS = downIndex >= 0 ? Number(process.argv[downIndex + 1]) : 10;
const config = loadConfig();
if (config.neo4j === null) {
  console.error('set NEO4J_URI, NEO4J_PASSWORD and NEO4J_BOLT_PORT for the local Neo4j of npm run neo4j:start');
  process.exit(2);
}
const boltPort = Number(process.env['NEO4J_BOLT_PORT'] ?? '7687');
if (!config.neo4j.uri.includes(`:${boltPort}`)) {
  console.error(`NEO4J_URI (${config.neo4j.uri}) is not the server on NEO4J_BOLT_PORT ${boltPort}`);
  process.exit(2);
}

function listenerPid(port: number): number | null {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : null;
}

const store = createNeo4jStore({ config: config.neo4j, logger: createSilentLogger() });
await store.init();
const server = await startServer({ config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] }, store, logger: createSilentLogger() });
const base = server.url.replace(/\/graphql$/, '');
const t0 = performance.now();
const now = () => (performance.now() - t0) / 1000;

interface Probe {
  at: number;
  status: number;
  ms: number;
  code?: string;
}
const ready: Probe[] = [];
const queries: Probe[] = [];
let polling = true;

async function poll(list: Probe[], every: number, send: () => Promise<Probe>): Promise<void> {
  while (polling) {
    const next = performance.now() + every;
    list.push(await send());
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
}

const readyLoop = poll(ready, 100, async () => {
  const at = now();
  const started = performance.now();
  const status = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.status, () => 0);
  return { at, status, ms: performance.now() - started };
});
const queryLoop = poll(queries, 200, async () => {
  const at = now();
  const started = performance.now();
  try {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { papers } }' }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return { at, status: response.status, ms: performance.now() - started, ...(code ? { code } : {}) };
  } catch {
    return { at, status: 0, ms: performance.now() - started, code: 'no answer' };
  }
});

await new Promise((resolve) => setTimeout(resolve, 2_000));
const pid = listenerPid(boltPort);
if (pid === null) throw new Error(`nothing listens on ${boltPort}`);
const crashAt = now();
process.kill(pid, 'SIGKILL');
await new Promise((resolve) => setTimeout(resolve, DOWN_SECONDS * 1000));
// Asynchronously: the API runs in this process, and a synchronous spawn would stop it answering.
const starting = spawn('npm', ['run', 'neo4j:start'], { env: process.env, stdio: 'ignore' });
const started = await new Promise<number | null>((resolve) => starting.once('exit', resolve));
if (started !== 0) throw new Error(`neo4j:start failed (exit ${started})`);
const backAt = now();
await new Promise((resolve) => setTimeout(resolve, 5_000));
polling = false;
await Promise.all([readyLoop, queryLoop]);
await server.close();
await store.close();

const firstAfter = (list: Probe[], from: number, ok: (p: Probe) => boolean) => list.find((p) => p.at >= from && ok(p));
const red = firstAfter(ready, crashAt, (p) => p.status === 503);
const green = firstAfter(ready, backAt, (p) => p.status === 200);
const during = queries.filter((q) => q.at >= crashAt && q.at < backAt);
const recovered = firstAfter(queries, backAt, (q) => q.status === 200 && q.code === undefined);
const codes = new Map<string, number>();
for (const q of during) codes.set(q.code ?? `ok ${q.status}`, (codes.get(q.code ?? `ok ${q.status}`) ?? 0) + 1);
const answered = (p: Probe | undefined, from: number) => (p === undefined ? 'never' : `${(p.at + p.ms / 1000 - from).toFixed(2)} s`);
const slowest = Math.max(0, ...during.map((q) => q.ms));
const slowestReady = Math.max(0, ...ready.filter((p) => p.at >= crashAt && p.at < backAt).map((p) => p.ms));

console.log(`Neo4j killed at ${crashAt.toFixed(1)} s, down ${DOWN_SECONDS} s, answering again at ${backAt.toFixed(1)} s (neo4j:start took ${(backAt - crashAt - DOWN_SECONDS).toFixed(1)} s)`);
console.log(`/ready: 503 answered ${answered(red, crashAt)} after the crash; slowest /ready during the outage ${slowestReady.toFixed(0)} ms`);
console.log(`queries during the outage: ${during.length}, ${JSON.stringify(Object.fromEntries(codes))}, slowest ${slowest.toFixed(0)} ms`);
console.log(`  each: ${during.map((q) => `${q.at.toFixed(1)} s +${(q.ms / 1000).toFixed(1)} s ${q.code ?? q.status}`).join('; ')}`);
console.log(`/ready: 200 answered ${answered(green, backAt)} after Neo4j answered again`);
console.log(`first successful query answered ${answered(recovered, backAt)} after Neo4j answered again (same API process)`);
