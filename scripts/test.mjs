#!/usr/bin/env node
// `npm test`: unit tests (`*.test.ts`, need nothing; `*.e2e.test.ts` drive Chromium when it is installed), then the Neo4j suite (`*.int.test.ts`) in band,
// since its files share one database. Without NEO4J_URI it starts the local Neo4j (scripts/neo4j) when
// Java and Maven are here, and stops it again if it started it. PAPERGRAPH_REQUIRE_NEO4J=1 (set by
// .ci/run) turns a skipped Neo4j suite into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
const extraArgs = process.argv.slice(2);
const requireNeo4j = process.env.PAPERGRAPH_REQUIRE_NEO4J === '1';
const neo4jScript = ['scripts/neo4j/neo4j.mjs'];

const has = (command) => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
const node = (args, options = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', env, ...options });

function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  console.error(['', bar, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), bar, ''].join('\n'));
}

let startedNeo4j = false;
let neo4jReason = null;
if (!env.NEO4J_URI) {
  if (has('java') && spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status === 0) {
    const running = node([...neo4jScript, 'status'], { stdio: 'ignore' }).status === 0;
    if (!running) {
      console.error('npm test: NEO4J_URI is not set; starting the local Neo4j (npm run neo4j:start)…');
      const start = node([...neo4jScript, 'start']);
      if (start.status !== 0) neo4jReason = 'the local Neo4j did not start (see above)';
      else startedNeo4j = true;
    }
    if (neo4jReason === null) {
      env.NEO4J_URI = 'bolt://127.0.0.1:7687';
      env.NEO4J_USER = 'neo4j';
      env.NEO4J_PASSWORD = 'papergraph-dev';
    }
  } else {
    neo4jReason = 'NEO4J_URI is not set and Java or Maven is missing, so the local Neo4j cannot be started';
  }
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  banner([`SKIPPING THE BROWSER TEST (*.e2e.test.ts): no Chromium at ${chromiumPath}.`, 'Install it (apt-get install chromium) or set CHROMIUM_PATH.']);
}

const outDir = mkdtempSync(join(tmpdir(), 'papergraph-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

function jest(name, args) {
  const outputFile = join(outDir, `${name}.json`);
  const result = node(['node_modules/jest/bin/jest.js', '--json', `--outputFile=${outputFile}`, ...args, ...extraArgs]);
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1;
  }
  if (result.status !== 0) failed = true;
}

try {
  jest('unit', ['--testPathIgnorePatterns', '\\.int\\.test\\.ts$']);
  if (neo4jReason === null) {
    jest('neo4j', ['--runInBand', '--testPathPatterns', '\\.int\\.test\\.ts$']);
  } else {
    banner([`SKIPPING THE NEO4J SUITE (*.int.test.ts): ${neo4jReason}.`, 'Set NEO4J_URI, or install Java 17 and Maven.']);
    if (requireNeo4j) {
      console.error('PAPERGRAPH_REQUIRE_NEO4J=1: a skipped Neo4j suite is a failure.');
      failed = true;
      totals.failed += 1;
    }
  }
} finally {
  if (startedNeo4j) node([...neo4jScript, 'stop']);
  rmSync(outDir, { recursive: true, force: true });
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed ? 1 : 0;
