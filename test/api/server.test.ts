import { serverAudits } from 'graphql-http';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import { requestSignal, type GraphStore } from '../../src/graph/index.js';
import { createSeededStore } from './fixtures.js';

const API_KEY = 'server-test-key-0123456789';

async function start(store: GraphStore, corsOrigins: string[] = []): Promise<RunningServer> {
  return startServer({
    config: { port: 0, host: '127.0.0.1', apiKey: API_KEY, corsOrigins },
    store,
    logger: createSilentLogger(),
  });
}

/** The response body as JSON, untyped: tests assert its shape. */
const json = (response: Response): Promise<any> => response.json();

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP server', () => {
  let store: GraphStore;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    store = await createSeededStore();
    server = await start(store, ['https://dash.example']);
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('serves GraphQL at /graphql on the chosen port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const response = await post(server.url, { query: '{ stats { papers } }' });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ data: { stats: { papers: 5 } } });
  });

  it('answers /health with 200', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when the store answers', async () => {
    const response = await fetch(`${base}/ready`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ready', store: 'memory' });
  });

  it('serves GraphiQL to browsers at GET /graphql, with scripts and styles only from this server', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/<script type="module" src="\/assets\/graphiql-\w+\.js">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('refuses a mutation over HTTP without the key with 401 UNAUTHENTICATED, and runs it with the key', async () => {
    const mutation = { query: 'mutation { deletePaper(id: "no-such-paper") }' };
    const refused = await post(server.url, mutation);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = await json(refused);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await post(server.url, mutation, { authorization: 'Bearer not-the-key-at-all' });
    expect(wrong.status).toBe(401);
    const allowed = await post(server.url, mutation, { authorization: `Bearer ${API_KEY}` });
    expect(allowed.status).toBe(200);
    expect(await json(allowed)).toEqual({ data: { deletePaper: false } });
  });

  it('refuses limits with BAD_USER_INPUT before execution: 400 for graphql-response+json, 200 for legacy JSON', async () => {
    const query = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`;
    const modern = await post(server.url, { query }, { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = await json(modern);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const legacy = await post(server.url, { query }, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect((await json(legacy)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers invalid JSON with 400 and a coded error', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
    const allowed = await preflight('https://dash.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(server.url, { query: '{ __typename }' }, { origin: 'https://dash.example' });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://dash.example');
  });

  it('runs GET queries that carry a CSRF-safe header, and refuses plain cross-site GETs', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ stats { papers } }')}`;
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await json(allowed)).toEqual({ data: { stats: { papers: 5 } } });
    const plain = await fetch(url);
    expect(plain.status).toBe(400);
    expect((await json(plain)).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('passes every MUST of the GraphQL-over-HTTP audits (graphql-http serverAudits)', async () => {
    const results = await Promise.all(serverAudits({ url: server.url }).map((audit) => audit.fn()));
    const failures = results.filter((result) => result.status !== 'ok');
    const report = failures.map((f) => `${f.id} ${f.name}: ${'reason' in f ? f.reason : ''}`);
    // SHOULD/MAY failures are listed for the record (see the README); only MUSTs fail the build.
    if (report.length > 0) console.info(`graphql-http audit notes:\n${report.join('\n')}`);
    expect(failures.filter((f) => f.status === 'error').map((f) => `${f.id} ${f.name}`)).toEqual([]);
    // Every SHOULD passes too; keep it that way. The MAY notices are GETs refused by CSRF prevention (below).
    expect(failures.filter((f) => f.status === 'warn').map((f) => `${f.id} ${f.name}`)).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(0);
  });
});

describe('/ready', () => {
  it('answers 503 with a JSON reason when the store does not answer', async () => {
    const healthy = await createSeededStore();
    const down: GraphStore = new Proxy(healthy, {
      get: (target, property, receiver) => (property === 'ping' ? async () => false : Reflect.get(target, property, receiver)),
    });
    const server = await start(down);
    try {
      const base = server.url.replace(/\/graphql$/, '');
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expect(await json(ready)).toMatchObject({ status: 'unavailable', store: 'memory' });
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 503 within its timeout when the store hangs instead of answering', async () => {
    const healthy = await createSeededStore();
    const hung: GraphStore = new Proxy(healthy, {
      get: (target, property, receiver) =>
        property === 'ping' ? () => new Promise<boolean>(() => undefined) : Reflect.get(target, property, receiver),
    });
    const server = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
      store: hung,
      logger: createSilentLogger(),
      readyTimeoutMillis: 50,
    });
    try {
      const ready = await fetch(`${server.url.replace(/\/graphql$/, '')}/ready`);
      expect(ready.status).toBe(503);
    } finally {
      await server.close();
    }
  });
});

describe('hostile requests', () => {
  let store: GraphStore;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    store = await createSeededStore();
    server = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
      store,
      logger: createSilentLogger(),
      maxBodyBytes: 1024,
    });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('keeps answering /health while an extract runs: extraction is off the event loop', async () => {
    const text = 'x '.repeat(9_000);
    const extracting = post(server.url, { query: 'query($t: String!) { extract(text: $t) { concepts { name } } }', variables: { t: text } }).then(
      () => 'extract',
    );
    const health = fetch(`${base}/health`).then(() => 'health');
    expect(await Promise.race([extracting, health])).toBe('health');
    expect(await extracting).toBe('extract');
  });

  it('aborts the store reads of a request whose client disconnects', async () => {
    let inStore!: (signal: AbortSignal | undefined) => void;
    const reached = new Promise<AbortSignal | undefined>((resolve) => (inStore = resolve));
    const hanging: GraphStore = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'stats'
          ? () => {
              const signal = requestSignal();
              inStore(signal);
              return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
            }
          : Reflect.get(target, property, receiver),
    });
    const running = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
      store: hanging,
      logger: createSilentLogger(),
    });
    try {
      const client = new AbortController();
      const request = fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { papers } }' }),
        signal: client.signal,
      }).catch((error: unknown) => error);
      const signal = await reached;
      expect(signal?.aborted).toBe(false);
      const abortedInStore = new Promise((resolve) => signal?.addEventListener('abort', resolve));
      client.abort();
      await request;
      await abortedInStore;
      expect(signal?.aborted).toBe(true);
    } finally {
      await running.close();
    }
  });

  it('marks JSON answers nosniff', async () => {
    for (const response of [await post(server.url, { query: '{ stats { papers } }' }), await fetch(`${base}/ready`), await fetch(`${base}/nope`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('closes the connection after refusing an oversized body, so the next request does not wait behind its rest', async () => {
    const response = await post(server.url, { query: `{ stats { papers } } ${'#'.repeat(4096)}` });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    const next = await post(server.url, { query: '{ stats { papers } }' });
    expect(next.status).toBe(200);
  });
});

describe('close()', () => {
  it('stops accepting connections and leaves the store open', async () => {
    const store = await createSeededStore();
    const server = await start(store);
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
    expect(await store.ping()).toBe(true);
  });
});
