#!/usr/bin/env node
// `npm test`: unit tests (`*.test.ts`, need nothing; `*.e2e.test.ts` drive Chromium when it is installed), then the
// Neo4j suite (`*.int.test.ts`) in band, since its files share one database.
//
// The Neo4j suite empties its database, so it never runs against the user's NEO4J_URI: it starts a dedicated Neo4j
// (scripts/neo4j --instance test: own home in .neo4j/instances/test, a free port) when Java and Maven are here, and
// stops it at the end; or it uses PAPERGRAPH_TEST_NEO4J_URI (+ _USER, _PASSWORD, _DATABASE), a database you give it
// to wipe. PAPERGRAPH_REQUIRE_NEO4J=1 (set by .ci/run) turns a skipped Neo4j suite into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_INSTANCE, findFreePort, planTestNeo4j, testRunnerEnv } from './test-neo4j.mjs';

const extraArgs = process.argv.slice(2);
const requireNeo4j = process.env.PAPERGRAPH_REQUIRE_NEO4J === '1';
const neo4jScript = ['scripts/neo4j/neo4j.mjs'];

const has = (command) => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
const node = (args, options = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', ...options });

function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  console.error(['', bar, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), bar, ''].join('\n'));
}

let plan = planTestNeo4j(process.env, await findFreePort());
let neo4jReason = null;
let startedNeo4j = false;
const instanceEnv = { ...process.env, NEO4J_BOLT_PORT: String(plan.port), NEO4J_HTTP_PORT: 'off' };
if (plan.start) {
  if (has('java') && spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status === 0) {
    console.error(`npm test: starting a dedicated test Neo4j on port ${plan.port} (not your NEO4J_URI; its data is wiped)…`);
    // A test instance left by a killed run may listen on another port: stop it so the URI we pass is the one it uses.
    node([...neo4jScript, 'stop', '--instance', TEST_INSTANCE], { env: instanceEnv, stdio: 'ignore' });
    const start = node([...neo4jScript, 'start', '--instance', TEST_INSTANCE], { env: instanceEnv });
    if (start.status !== 0) neo4jReason = 'the test Neo4j did not start (see above)';
    else startedNeo4j = true;
  } else {
    neo4jReason = 'Java or Maven is missing, so the test Neo4j cannot be started (or set PAPERGRAPH_TEST_NEO4J_URI)';
  }
}
if (neo4jReason !== null) plan = null;

const env = testRunnerEnv(process.env, plan);
env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim();

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  banner([`SKIPPING THE BROWSER TEST (*.e2e.test.ts): no Chromium at ${chromiumPath}.`, 'Install it (apt-get install chromium) or set CHROMIUM_PATH.']);
}

const outDir = mkdtempSync(join(tmpdir(), 'papergraph-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

function jest(name, args) {
  const outputFile = join(outDir, `${name}.json`);
  const result = node(['node_modules/jest/bin/jest.js', '--json', `--outputFile=${outputFile}`, ...args, ...extraArgs], { env });
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
  if (plan !== null) {
    jest('neo4j', ['--runInBand', '--testPathPatterns', '\\.int\\.test\\.ts$']);
  } else {
    banner([`SKIPPING THE NEO4J SUITE (*.int.test.ts): ${neo4jReason}.`, 'Install Java 17 and Maven, or set PAPERGRAPH_TEST_NEO4J_URI.']);
    if (requireNeo4j) {
      console.error('PAPERGRAPH_REQUIRE_NEO4J=1: a skipped Neo4j suite is a failure.');
      failed = true;
      totals.failed += 1;
    }
  }
} finally {
  if (startedNeo4j) node([...neo4jScript, 'stop', '--instance', TEST_INSTANCE], { env: instanceEnv });
  rmSync(outDir, { recursive: true, force: true });
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed ? 1 : 0;
