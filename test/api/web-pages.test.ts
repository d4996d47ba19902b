import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { createWebPages, WEB_PAGE_CSP } from '../../src/api/create-web-pages.js';
import { createSilentLogger } from '../../src/config/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { temporaryDirectories } from '../support/temporary-directories.js';
import { createSeededStore } from './fixtures.js';

const temporaryDirectory = temporaryDirectories('papergraph-web-');

const html = { accept: 'text/html,application/xhtml+xml' };

/** The assets an HTML shell names, in order. */
const assetsOf = (page: string) => [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);

describe('the browser pages (built by npm run build:web)', () => {
  let store: GraphStore;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    store = await createSeededStore();
    server = await startServer({ config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] }, store, logger: createSilentLogger() });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('serves the explorer shell at /explore and at every shareable URL under it, revalidated on each load', async () => {
    for (const path of ['/explore', '/explore/paper/attention', '/explore/concept/method%3Atransformer', '/explore/dashboard']) {
      const response = await fetch(`${base}${path}`, { headers: html });
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(WEB_PAGE_CSP);
      expect(assetsOf(await response.text())).toEqual(expect.arrayContaining([expect.stringMatching(/^\/assets\/explore-\w+\.js$/)]));
    }
  });

  it('serves every asset a page names with its content type, cached for a year, gzipped when asked', async () => {
    const graphiql = await (await fetch(server.url, { headers: html })).text();
    const explore = await (await fetch(`${base}/explore`, { headers: html })).text();
    const assets = [...assetsOf(graphiql), ...assetsOf(explore)];
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const plain = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      expect([asset, plain.status]).toEqual([asset, 200]);
      expect(plain.headers.get('content-type')).toBe(asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.get('content-encoding')).toBeNull();
      const body = await plain.arrayBuffer();
      // fetch decompresses; the header says what travelled.
      const zipped = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect((await zipped.arrayBuffer()).byteLength).toBe(body.byteLength);
    }
  });

  it('answers 404 for unknown assets and paths that try to leave the assets folder', async () => {
    for (const path of ['/assets/nope.js', '/assets/..%2Fgraphiql.html', '/assets/%2e%2e/%2e%2e/package.json', '/assets/']) {
      expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('refuses other methods on the pages with 405', async () => {
    const response = await fetch(`${base}/explore`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('says how to build the pages when they are not built, instead of failing obscurely', async () => {
    const pages = createWebPages({ logger: createSilentLogger(), dir: await temporaryDirectory() });
    const bare: Server = createServer((req, res) => void pages.serve(req, res, new URL(req.url ?? '/', 'http://x').pathname));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/explore`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:web');
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});
