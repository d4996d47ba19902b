import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { QUERY_PAGE_EXAMPLES } from '../../src/api/render-query-page.js';
import { createSeededStore } from './fixtures.js';

// `*.e2e.test.ts` drive a real browser: Debian's Chromium (`apt-get install chromium`), which .ci/run installs.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const describeBrowser = existsSync(executablePath) ? describe : describe.skip;
if (!existsSync(executablePath)) console.warn(`no Chromium at ${executablePath}: skipping the query page browser test`);

const API_KEY = 'browser-key-0123456789abcdef';

describeBrowser('the query page in a real browser', () => {
  let store: GraphStore;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    store = await createSeededStore();
    server = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: API_KEY, corsOrigins: [] },
      store,
      logger: createSilentLogger(),
    });
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function openPage() {
    const page = await browser.newPage();
    const external: string[] = [];
    // Offline means the page needs nothing but our server: refuse and record anything else it asks for.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    await page.goto(server.url);
    return { page, external };
  }

  it('runs the selected example query and shows the answer, loading nothing from elsewhere', async () => {
    const { page, external } = await openPage();
    await page.selectOption('#example', { label: QUERY_PAGE_EXAMPLES[0]!.name });
    await page.click('#run');
    await page.locator('#response', { hasText: 'totalCount' }).waitFor();
    const answer = JSON.parse((await page.textContent('#response')) ?? '') as { data: { papers: { totalCount: number } } };
    expect(answer.data.papers.totalCount).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toMatch(/^HTTP 200/);
    expect(external).toEqual([]);
    await page.close();
  });

  it('sends the API key typed on the page with a mutation', async () => {
    const { page } = await openPage();
    const ingest = QUERY_PAGE_EXAMPLES.find((example) => example.query.trimStart().startsWith('mutation'));
    expect(ingest).toBeDefined();
    await page.selectOption('#example', { label: ingest!.name });
    await page.click('#run');
    await page.locator('#response', { hasText: 'UNAUTHENTICATED' }).waitFor();
    await page.fill('#apikey', API_KEY);
    await page.click('#run');
    await page.locator('#response', { hasText: '"ingestPapers"' }).waitFor();
    const answer = JSON.parse((await page.textContent('#response')) ?? '') as {
      errors?: unknown;
      data: { ingestPapers: { ingested: number } };
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.ingestPapers.ingested).toBe(1);
    await page.close();
  });
});
