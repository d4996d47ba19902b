#!/usr/bin/env node
// Times `npm start` (embedded store, ingests seeds/) from launch to the first GraphQL answer listing every seed
// paper, then stops it. `node bench/time-to-first-answer.mjs [runs]`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const runs = Number(process.argv[2] ?? 3);
const SEED_PAPERS = 49;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ papers { totalCount } }' }),
    });
    const body = await response.json();
    return body?.data?.papers?.totalCount === SEED_PAPERS;
  } catch {
    return false;
  }
}

for (let run = 1; run <= runs; run += 1) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', NEO4J_URI: '' },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let ready = false;
  const deadline = started + 120_000;
  while (!ready && performance.now() < deadline) {
    ready = await answers(port);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  console.log(ready ? `run ${run}: first answer with ${SEED_PAPERS} papers after ${seconds.toFixed(2)} s` : `run ${run}: no answer within 120 s`);
}
