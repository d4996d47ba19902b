#!/usr/bin/env node
// Local Neo4j Community server for development and CI, run straight from its
// jars (fetched by Maven from scripts/neo4j/pom.xml), without Docker.
//
//   node scripts/neo4j/neo4j.mjs start    download jars if needed, start, wait for Bolt
//   node scripts/neo4j/neo4j.mjs stop     stop the server started by `start`
//   node scripts/neo4j/neo4j.mjs status   exit 0 if it runs, 1 if not
//   ... --instance NAME                    another server with its own home (npm test uses "test")
//
// Everything lives in .neo4j/ at the project root (gitignored):
//   .neo4j/lib    the jars        .neo4j/home   Neo4j's home (conf, data, logs, run)
//   .neo4j/instances/NAME          the home of a named instance (same jars, its own data)
//
// Environment (all optional):
//   NEO4J_BOLT_PORT      Bolt port (default 7687)
//   NEO4J_HTTP_PORT      HTTP port (default 7474; "0" or "off" disables HTTP)
//   NEO4J_HEAP           JVM heap, -Xms and -Xmx (default 1g)
//   NEO4J_PAGECACHE      server.memory.pagecache.size (default 512m)
//   NEO4J_TX_MEMORY      db.memory.transaction.total.max (default half the heap; one transaction may
//                        use a quarter of the heap): below the heap, so queries fail, not the JVM
//   NEO4J_START_TIMEOUT  seconds to wait for Bolt (default 300)
//   JAVA_HOME            Java 17 or 21 to use (default: `java` on PATH)
//
// Plain Node ESM, no dependencies; uses neo4j-driver from node_modules for the
// readiness check when it is installed, a raw Bolt handshake otherwise.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const POM = path.join(HERE, 'pom.xml');
const BASE = path.join(ROOT, '.neo4j');
const LIB = path.join(BASE, 'lib');
const LIB_MARKER = path.join(LIB, '.complete');
const INSTANCE = parseInstance(process.argv.slice(3));
// A named instance (the test suite's) must never adopt a server it did not start: that could be the user's graph.
const ADOPT_FOREIGN_SERVER = INSTANCE === null;
const HOME = INSTANCE === null ? path.join(BASE, 'home') : path.join(BASE, 'instances', INSTANCE);
const CONF_DIR = path.join(HOME, 'conf');
const DATA_DIR = path.join(HOME, 'data');
const LOGS_DIR = path.join(HOME, 'logs');
const RUN_DIR = path.join(HOME, 'run');
const PID_FILE = path.join(RUN_DIR, 'neo4j.pid');
const STATE_FILE = path.join(RUN_DIR, 'neo4j.json');
const LOCK_FILE = path.join(BASE, 'start.lock');
const CONSOLE_LOG = path.join(LOGS_DIR, 'console.log');

const USER = 'neo4j';
const PASSWORD = 'papergraph-dev';
const HOST = '127.0.0.1';
const MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_CLASS = 'org.neo4j.server.startup.Neo4jAdminCommand';

const BOLT_PORT = parsePort(process.env.NEO4J_BOLT_PORT, 7687, 'NEO4J_BOLT_PORT');
const HTTP_PORT = /^(0|off|false|no)$/i.test(process.env.NEO4J_HTTP_PORT ?? '')
  ? null
  : parsePort(process.env.NEO4J_HTTP_PORT, 7474, 'NEO4J_HTTP_PORT');
const HEAP = process.env.NEO4J_HEAP || '1g';
const PAGECACHE = process.env.NEO4J_PAGECACHE || '512m';
const TX_MEMORY = process.env.NEO4J_TX_MEMORY || fractionOfSize(HEAP, 1 / 2);
const TX_MEMORY_PER_TRANSACTION = fractionOfSize(HEAP, 1 / 4);
const START_TIMEOUT_MS = 1000 * Number(process.env.NEO4J_START_TIMEOUT || 300);
const STOP_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------- helpers

function parseInstance(args) {
  const i = args.indexOf('--instance');
  if (i < 0) return null;
  const name = args[i + 1] ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(name)) fail(`--instance needs a name of lowercase letters, digits and dashes, got '${name}'`);
  return name;
}

/** A JVM size ("768m", "1g") times `fraction`, in megabytes ("384m"). */
function fractionOfSize(size, fraction) {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) throw new Error(`NEO4J_HEAP must look like 768m or 1g, got "${size}"`);
  const megabytes = Number(match[1]) * { '': 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024 }[match[2].toLowerCase()];
  return `${Math.max(16, Math.floor(megabytes * fraction))}m`;
}

function parsePort(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`${name}=${value} is not a valid port`);
  return n;
}

function log(msg) {
  console.log(`[neo4j] ${msg}`);
}

function fail(msg, code = 1) {
  console.error(`[neo4j] ERROR: ${msg}`);
  process.exit(code);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function neo4jVersion() {
  const m = fs.readFileSync(POM, 'utf8').match(/<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/);
  if (!m) fail(`cannot find <neo4j.version> in ${POM}`);
  return m[1];
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A zombie or a reused pid is not our server.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z /.test(stat)) return false;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(MAIN_CLASS);
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

function readPid() {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

/** pid of the running server started by this script, or null (cleans stale files). */
function runningPid() {
  const pid = readPid();
  if (pid && isAlive(pid)) return pid;
  if (pid) {
    fs.rmSync(PID_FILE, { force: true });
    fs.rmSync(STATE_FILE, { force: true });
  }
  return null;
}

function tail(file, lines = 40) {
  try {
    let text = fs.readFileSync(file, 'utf8');
    const mark = text.lastIndexOf('\n==== '); // this start's section only
    if (mark >= 0) text = text.slice(mark + 1);
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch {
    return `(no ${path.relative(ROOT, file)})`;
  }
}

function printEnv(port) {
  console.log('');
  console.log(`NEO4J_URI=bolt://${HOST}:${port} NEO4J_USER=${USER} NEO4J_PASSWORD=${PASSWORD}`);
  console.log('');
  console.log(`  export NEO4J_URI=bolt://${HOST}:${port}`);
  console.log(`  export NEO4J_USER=${USER}`);
  console.log(`  export NEO4J_PASSWORD=${PASSWORD}`);
}

function javaBin() {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error) fail(`cannot run '${java}' (${r.error.code}). Install a JDK 17 or 21 or set JAVA_HOME.`);
  const m = `${r.stderr}${r.stdout}`.match(/version "(\d+)/);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) fail(`Neo4j 5 needs Java 17 or 21; '${java} -version' says: ${(r.stderr || '').split('\n')[0]}`);
  return java;
}

// ---------------------------------------------------------------- jars

function ensureJars(version) {
  try {
    if (fs.readFileSync(LIB_MARKER, 'utf8').trim() === version) return;
  } catch {
    // not there yet
  }
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  log(`downloading Neo4j ${version} jars with Maven into ${path.relative(ROOT, LIB)}/ (about 125 MB, first time only)...`);
  const t0 = Date.now();
  const tmp = `${LIB}.tmp-${process.pid}`;
  for (const name of fs.readdirSync(BASE)) {
    if (name.startsWith('lib.tmp-')) fs.rmSync(path.join(BASE, name), { recursive: true, force: true }); // left by a killed run
  }
  // Output is captured (Maven's -q still prints ANSI resets on a terminal) and shown only on failure.
  const r = spawnSync(
    mvn,
    [
      '-B',
      '--no-transfer-progress',
      '-Dstyle.color=never',
      '-f',
      POM,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${tmp}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) fail(`cannot run '${mvn}' (${r.error.code}): Maven 3 is needed to fetch the Neo4j jars.`);
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const out = `${r.stdout}${r.stderr}`.trimEnd().split('\n').slice(-60).join('\n');
    fail(`Maven failed (exit ${r.status}) fetching org.neo4j:neo4j:${version}:\n${out}`);
  }
  if (!fs.existsSync(path.join(tmp, `neo4j-${version}.jar`))) fail(`Maven ran but ${tmp} has no neo4j-${version}.jar`);
  fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`);
  fs.rmSync(LIB, { recursive: true, force: true });
  fs.renameSync(tmp, LIB);
  fs.rmSync(path.join(HERE, 'target'), { recursive: true, force: true });
  log(`jars ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

// ---------------------------------------------------------------- home

function ensureHome(java) {
  for (const d of [CONF_DIR, DATA_DIR, LOGS_DIR, RUN_DIR, path.join(HOME, 'plugins'), path.join(HOME, 'import')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const conf = path.join(CONF_DIR, 'neo4j.conf');
  if (!fs.existsSync(conf)) {
    fs.writeFileSync(
      conf,
      '# Settings are passed on the command line by scripts/neo4j/neo4j.mjs (-c key=value).\n' +
        '# Lines added here apply too, unless the command line sets the same key.\n',
    );
  }
  // The initial password only counts before the system database is first created.
  if (!fs.existsSync(path.join(DATA_DIR, 'databases', 'system'))) {
    log(`setting initial password for user '${USER}'`);
    const r = spawnSync(
      java,
      ['-Xmx256m', '-cp', path.join(LIB, '*'), ADMIN_CLASS, 'dbms', 'set-initial-password', PASSWORD],
      {
        env: { ...process.env, NEO4J_HOME: HOME, NEO4J_CONF: CONF_DIR },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (r.status !== 0) {
      fail(`neo4j-admin dbms set-initial-password failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
  }
}

// ---------------------------------------------------------------- readiness

function tcpOpen(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Raw Bolt handshake: magic preamble + 4 proposed versions; server answers with one. */
function boltHandshake(port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port });
    let buf = Buffer.alloc(0);
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => {
      sock.write(
        Buffer.from([
          0x60, 0x60, 0xb0, 0x17, // magic
          0x00, 0x08, 0x08, 0x05, // 5.0 - 5.8
          0x00, 0x00, 0x04, 0x04, // 4.4
          0x00, 0x00, 0x00, 0x03, // 3
          0x00, 0x00, 0x00, 0x00,
        ]),
      );
    });
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length >= 4) done(buf.readUInt32BE(0) !== 0);
    });
  });
}

let driverModule; // undefined: not tried; null: not installed
async function loadDriver() {
  if (driverModule !== undefined) return driverModule;
  try {
    driverModule = (await import('neo4j-driver')).default;
  } catch {
    driverModule = null;
  }
  return driverModule;
}

/**
 * 'ready'     Bolt answers and RETURN 1 runs with our credentials
 * 'auth'      Bolt answers but refuses the credentials (will not get better)
 * 'down'      nothing usable yet
 */
async function probe(port) {
  if (!(await tcpOpen(port))) return { state: 'down', why: 'port closed' };
  const neo4j = await loadDriver();
  if (!neo4j) {
    return (await boltHandshake(port)) ? { state: 'ready', how: 'bolt handshake' } : { state: 'down', why: 'no handshake' };
  }
  const driver = neo4j.driver(`bolt://${HOST}:${port}`, neo4j.auth.basic(USER, PASSWORD), {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 5000,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.run('RETURN 1 AS ok');
      if (res.records[0]?.get('ok') === 1) return { state: 'ready', how: 'RETURN 1 via neo4j-driver' };
      return { state: 'down', why: 'unexpected RETURN 1 result' };
    } finally {
      await session.close();
    }
  } catch (e) {
    const code = String(e?.code ?? '');
    if (code.startsWith('Neo.ClientError.Security.')) return { state: 'auth', why: `${code}: ${e.message}` };
    return { state: 'down', why: code || e?.message };
  } finally {
    await driver.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- lock

function releaseLock() {
  try {
    if (Number(fs.readFileSync(LOCK_FILE, 'utf8').trim()) === process.pid) fs.rmSync(LOCK_FILE, { force: true });
  } catch {
    // not held
  }
}

async function withStartLock(fn) {
  fs.mkdirSync(BASE, { recursive: true });
  const deadline = Date.now() + START_TIMEOUT_MS + 600_000; // a concurrent start may be downloading
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, `${process.pid}\n`, { flag: 'wx' });
      process.on('exit', releaseLock); // fail() exits without unwinding
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim());
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch (err) {
        alive = err.code === 'EPERM';
      }
      if (!alive) {
        fs.rmSync(LOCK_FILE, { force: true });
        continue;
      }
      if (!announced) log(`another start (pid ${holder}) is in progress, waiting for it...`);
      announced = true;
      if (Date.now() > deadline) fail(`gave up waiting for ${LOCK_FILE} (held by pid ${holder})`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    releaseLock();
  }
}

// ---------------------------------------------------------------- commands

async function waitReady(pid, port, t0) {
  const deadline = t0 + START_TIMEOUT_MS;
  let last = { state: 'down', why: 'not probed' };
  while (Date.now() < deadline) {
    if (pid && !isAlive(pid)) {
      fs.rmSync(PID_FILE, { force: true });
      fs.rmSync(STATE_FILE, { force: true });
      fail(`Neo4j exited during startup. Tail of ${path.relative(ROOT, CONSOLE_LOG)}:\n${tail(CONSOLE_LOG)}`);
    }
    last = await probe(port);
    if (last.state === 'ready') return last;
    if (last.state === 'auth') {
      fail(
        `Neo4j on port ${port} refuses ${USER}/${PASSWORD} (${last.why}).\n` +
          `The database in ${path.relative(ROOT, DATA_DIR)}/ was created with another password; ` +
          `stop it, delete ${path.relative(ROOT, DATA_DIR)}/ and start again.`,
      );
    }
    await sleep(500);
  }
  return { ...last, timedOut: true };
}

async function stopPid(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch (e) {
    if (e.code === 'ESRCH') return true;
    throw e;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(250);
  }
  log(`pid ${pid} did not stop within ${STOP_TIMEOUT_MS / 1000}s, sending SIGKILL`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  for (let i = 0; i < 40 && isAlive(pid); i++) await sleep(250);
  return !isAlive(pid);
}

async function start() {
  const t0 = Date.now();
  const version = neo4jVersion();

  await withStartLock(async () => {
    const existing = runningPid();
    if (existing) {
      const state = readState();
      const port = state.boltPort ?? BOLT_PORT;
      if (port !== BOLT_PORT) log(`note: running server uses Bolt port ${port}, not ${BOLT_PORT}`);
      const r = await waitReady(existing, port, t0);
      if (r.state !== 'ready') {
        fail(`Neo4j (pid ${existing}) runs but Bolt on port ${port} does not answer (${r.why}). Tail of console log:\n${tail(CONSOLE_LOG)}`);
      }
      log(`already running (pid ${existing}, Neo4j ${state.version ?? version}) and answering on bolt://${HOST}:${port}`);
      printEnv(port);
      return;
    }

    if (await tcpOpen(BOLT_PORT)) {
      const r = await probe(BOLT_PORT);
      if (r.state === 'ready' && ADOPT_FOREIGN_SERVER) {
        log(`port ${BOLT_PORT} is already served by a Neo4j not started by this script (e.g. docker compose); it accepts ${USER}/${PASSWORD}, using it`);
        printEnv(BOLT_PORT);
        return;
      }
      fail(`port ${HOST}:${BOLT_PORT} is in use by another process (${r.why}). Stop it or set NEO4J_BOLT_PORT.`);
    }
    if (HTTP_PORT && (await tcpOpen(HTTP_PORT))) {
      fail(`HTTP port ${HOST}:${HTTP_PORT} is in use. Stop that process, set NEO4J_HTTP_PORT, or NEO4J_HTTP_PORT=off.`);
    }

    const java = javaBin();
    ensureJars(version);
    ensureHome(java);

    const settings = {
      'server.default_listen_address': HOST,
      'server.default_advertised_address': HOST,
      'server.bolt.enabled': 'true',
      'server.bolt.listen_address': `${HOST}:${BOLT_PORT}`,
      'server.bolt.advertised_address': `${HOST}:${BOLT_PORT}`,
      'server.http.enabled': HTTP_PORT ? 'true' : 'false',
      ...(HTTP_PORT ? { 'server.http.listen_address': `${HOST}:${HTTP_PORT}` } : {}),
      'server.https.enabled': 'false',
      'server.memory.heap.initial_size': HEAP,
      'server.memory.heap.max_size': HEAP,
      'server.memory.pagecache.size': PAGECACHE,
      'db.memory.transaction.total.max': TX_MEMORY,
      'db.memory.transaction.max': TX_MEMORY_PER_TRANSACTION,
      'dbms.usage_report.enabled': 'false',
    };
    const jvm = [
      `-Xms${HEAP}`,
      `-Xmx${HEAP}`,
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:+UnlockExperimentalVMOptions',
      '-XX:+TrustFinalNonStaticFields',
      '-XX:+DisableExplicitGC',
      '-Djdk.nio.maxCachedBufferSize=1024',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-Dlog4j2.disable.jmx=true',
      '-Dfile.encoding=UTF-8',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
    ];
    const args = [
      ...jvm,
      '-cp',
      path.join(LIB, '*'),
      MAIN_CLASS,
      `--home-dir=${HOME}`,
      `--config-dir=${CONF_DIR}`,
      '--console-mode',
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];

    fs.appendFileSync(CONSOLE_LOG, `\n==== ${new Date().toISOString()} start: ${java} ${args.join(' ')}\n`);
    const out = fs.openSync(CONSOLE_LOG, 'a');
    const child = spawn(java, args, { cwd: HOME, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.unref();
    if (!child.pid) fail(`could not spawn ${java}`);
    fs.writeFileSync(PID_FILE, `${child.pid}\n`);
    fs.writeFileSync(
      STATE_FILE,
      JSON.stringify({ pid: child.pid, version, boltPort: BOLT_PORT, httpPort: HTTP_PORT, startedAt: new Date().toISOString() }, null, 2) + '\n',
    );
    log(`started Neo4j ${version} (pid ${child.pid}); waiting for Bolt on ${HOST}:${BOLT_PORT}, log: ${path.relative(ROOT, CONSOLE_LOG)}`);

    const r = await waitReady(child.pid, BOLT_PORT, t0);
    if (r.state !== 'ready') {
      console.error(`[neo4j] ERROR: Bolt on ${HOST}:${BOLT_PORT} not ready after ${START_TIMEOUT_MS / 1000}s (last: ${r.why}); stopping pid ${child.pid}.`);
      console.error(`[neo4j] tail of ${path.relative(ROOT, CONSOLE_LOG)}:\n${tail(CONSOLE_LOG)}`);
      await stopPid(child.pid);
      fs.rmSync(PID_FILE, { force: true });
      fs.rmSync(STATE_FILE, { force: true });
      process.exit(1);
    }
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (${r.how})${HTTP_PORT ? `; HTTP on http://${HOST}:${HTTP_PORT}` : ''}`);
    printEnv(BOLT_PORT);
  });
}

async function stop() {
  const pid = runningPid();
  if (!pid) {
    log('not running');
    return;
  }
  log(`stopping pid ${pid}...`);
  const t0 = Date.now();
  const ok = await stopPid(pid);
  if (!ok) fail(`pid ${pid} is still alive after SIGKILL`);
  fs.rmSync(PID_FILE, { force: true });
  fs.rmSync(STATE_FILE, { force: true });
  log(`stopped in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

async function status() {
  const pid = runningPid();
  if (!pid) {
    log('not running');
    process.exit(1);
  }
  const state = readState();
  const port = state.boltPort ?? BOLT_PORT;
  const r = await probe(port);
  const answer = r.state === 'ready' ? `answering on bolt://${HOST}:${port}` : `Bolt on port ${port} not answering (${r.why})`;
  log(`running (pid ${pid}, Neo4j ${state.version ?? neo4jVersion()}), ${answer}`);
  process.exit(0);
}

const commands = { start, stop, status };
const cmd = process.argv[2];
if (!commands[cmd]) {
  console.error('usage: node scripts/neo4j/neo4j.mjs start|stop|status [--instance NAME]');
  process.exit(2);
}
await commands[cmd]();
process.exit(0);
