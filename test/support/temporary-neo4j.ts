import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config/index.js';

/** The project's own Neo4j jars (`npm run neo4j:start` fetches them into .neo4j/lib; scripts/neo4j/neo4j.mjs). */
export const NEO4J_LIB = resolve('.neo4j/lib');
const ADMIN_CLASS = 'org.neo4j.server.startup.Neo4jAdminCommand';
const SERVER_CLASS = 'org.neo4j.server.CommunityEntryPoint';
const PASSWORD = 'papergraph-dev';

export const hasNeo4jJars = (): boolean => existsSync(join(NEO4J_LIB, '.complete'));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A Neo4j home of its own in a temporary directory: nothing in it is the user's or the test suite's. */
export interface TemporaryNeo4j {
  home: string;
  /** Runs `neo4j-admin` with this home; resolves to its exit status and output. */
  admin(args: readonly string[]): { status: number | null; output: string; ms: number };
  /** Starts a server on this home (a free Bolt port, no HTTP) and waits until it answers. */
  start(): Promise<Neo4jConfig>;
  /** Stops the server if started, and deletes the home. */
  dispose(): Promise<void>;
}

export async function createTemporaryNeo4j(options: { heap?: string; pageCache?: string } = {}): Promise<TemporaryNeo4j> {
  const home = await mkdtemp(join(tmpdir(), 'papergraph-neo4j-'));
  const conf = join(home, 'conf');
  await mkdir(conf, { recursive: true });
  await writeFile(join(conf, 'neo4j.conf'), '');
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf };
  const classpath = join(NEO4J_LIB, '*');
  let server: ChildProcess | null = null;
  const admin = (args: readonly string[]) => {
    const started = Date.now();
    const result = spawnSync('java', ['-Xmx512m', '-cp', classpath, ADMIN_CLASS, ...args], { env, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}`, ms: Date.now() - started };
  };
  return {
    home,
    admin,
    async start() {
      const password = admin(['dbms', 'set-initial-password', PASSWORD]);
      if (password.status !== 0) throw new Error(`set-initial-password failed:\n${password.output}`);
      const port = await freePort();
      const heap = options.heap ?? '384m';
      server = spawn(
        'java',
        [
          `-Xms${heap}`,
          `-Xmx${heap}`,
          '-cp',
          classpath,
          SERVER_CLASS,
          `--home-dir=${home}`,
          `--config-dir=${conf}`,
          '--console-mode',
          ...[
            'server.default_listen_address=127.0.0.1',
            `server.bolt.listen_address=127.0.0.1:${port}`,
            'server.http.enabled=false',
            'server.https.enabled=false',
            `server.memory.pagecache.size=${options.pageCache ?? '64m'}`,
            'dbms.usage_report.enabled=false',
          ].flatMap((setting) => ['-c', setting]),
        ],
        { env, stdio: 'ignore' },
      );
      const config: Neo4jConfig = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: PASSWORD, database: 'neo4j' };
      const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      try {
        const deadline = Date.now() + 180_000;
        for (;;) {
          try {
            await driver.executeQuery('RETURN 1', {}, { database: 'neo4j' });
            return config;
          } catch (err) {
            if (Date.now() > deadline || server.exitCode !== null) throw err;
            await new Promise((done) => setTimeout(done, 500));
          }
        }
      } finally {
        await driver.close();
      }
    },
    async dispose() {
      const child = server;
      if (child !== null && child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}
