import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** docker-compose.yml as data; `docker compose config` needs Docker's compose plugin, which CI may not have. */
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string>; healthcheck?: { test?: string[] }; restart?: string; profiles?: string[] }>;
};
const neo4j = compose.services['neo4j'];
const api = compose.services['api'];

/** Megabytes of a Neo4j size setting ("1g", "512m"). */
function megabytes(size: string | undefined): number {
  const match = /^(\d+)([mg])$/i.exec(size ?? '');
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * (match[2]?.toLowerCase() === 'g' ? 1024 : 1);
}

describe('docker-compose.yml', () => {
  it('keeps transaction memory below the Neo4j heap, so a heavy query fails alone instead of the JVM', () => {
    const env = neo4j?.environment ?? {};
    const heap = megabytes(env['NEO4J_server_memory_heap_max__size']);
    const total = megabytes(env['NEO4J_db_memory_transaction_total_max']);
    expect(total).toBeLessThan(heap);
    expect(megabytes(env['NEO4J_db_memory_transaction_max'])).toBeLessThanOrEqual(total);
  });

  it('restarts Neo4j a bounded number of times, not into a crash loop', () => {
    expect(neo4j?.restart).toMatch(/^on-failure:\d+$/);
  });

  it('runs the API without re-ingesting on every start, and ingests seeds in a one-off service', () => {
    expect(api?.command?.join(' ')).not.toMatch(/--ingest/);
    expect(compose.services['seed']?.profiles).toEqual(['seed']);
    expect(compose.services['seed']?.command).toContain('ingest');
  });

  it('gives the API a healthcheck on /ready', () => {
    expect(api?.healthcheck?.test?.join(' ')).toContain('/ready');
  });

  it('pins the Neo4j image to the version of the jars that npm run neo4j:start uses', () => {
    const pom = readFileSync(new URL('../../scripts/neo4j/pom.xml', import.meta.url), 'utf8');
    const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(neo4j?.image).toBe(`neo4j:${version}-community`);
  });

  it('takes the Neo4j password from the environment, never from the file', () => {
    for (const service of Object.values(compose.services)) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|AUTH/.test(name)) expect(String(value)).toMatch(/\$\{NEO4J_PASSWORD:\?/);
      }
    }
  });
});
