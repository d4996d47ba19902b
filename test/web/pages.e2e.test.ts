import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { createSeededStore } from '../api/fixtures.js';

// `*.e2e.test.ts` drive a real browser: Debian's Chromium (`apt-get install chromium`), which .ci/run installs.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const describeBrowser = existsSync(executablePath) ? describe : describe.skip;
if (!existsSync(executablePath)) console.warn(`no Chromium at ${executablePath}: skipping the browser page tests`);

const API_KEY = 'browser-key-0123456789abcdef';

/** Screenshots of every view, for a person to look at (gitignored). */
const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

interface StoredPaper {
  title: string;
  abstract: string;
  concepts: { mentions: { field: 'title' | 'abstract'; start: number; end: number; text: string }[]; concept: { id: string } }[];
}

describeBrowser('GraphiQL and the explorer in a real browser', () => {
  let store: GraphStore;
  let server: RunningServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = await createSeededStore();
    server = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: API_KEY, corsOrigins: [] },
      store,
      logger: createSilentLogger(),
    });
    base = server.url.replace(/\/graphql$/, '');
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

  /** A page that may load nothing but our server: anything else is refused and recorded, as are script errors. */
  async function openPage(path: string, viewport = { width: 1280, height: 800 }) {
    const page = await browser.newPage({ viewport });
    const external: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}${path}`);
    return { page, external, errors };
  }

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  async function storedPaper(id: string): Promise<StoredPaper> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { paper(id: $id) { title abstract concepts { mentions { field start end text } concept { id } } } }',
        variables: { id },
      }),
    });
    return ((await response.json()) as { data: { paper: StoredPaper } }).data.paper;
  }

  it('GraphiQL loads the schema, opens the example tabs and runs a query', async () => {
    const { page, external, errors } = await openPage('/graphql');
    await page.locator('.graphiql-container').waitFor();
    await expect(page.locator('.graphiql-tab').count()).resolves.toBeGreaterThanOrEqual(6);
    await page.locator('.graphiql-query-editor', { hasText: 'query Papers' }).waitFor();
    // The schema was introspected: the docs list the root types.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().postData()?.includes('query Papers') === true);
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ data: { papers: { totalCount: 5 } } });
    await page.locator('.graphiql-response', { hasText: 'totalCount' }).waitFor();
    await shoot(page, 'graphiql');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('GraphiQL sends the API key written in its headers editor with a mutation', async () => {
    const { page, errors } = await openPage('/graphql');
    await page.locator('.graphiql-query-editor', { hasText: 'query Papers' }).waitFor();
    await page.getByRole('tab', { name: 'Ingest' }).click();
    await page.locator('.graphiql-query-editor', { hasText: 'mutation Ingest' }).waitFor();
    const run = async () => {
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().postData()?.includes('mutation Ingest') === true);
      await page.locator('.graphiql-execute-button').click();
      return answered;
    };
    // The tab opens with a placeholder key: refused.
    const refused = await run();
    expect(refused.status()).toBe(401);
    expect(await refused.request().headerValue('authorization')).toBe('Bearer YOUR_PAPERGRAPH_API_KEY');
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await page.locator('section[aria-label="Headers"] .graphiql-editor:not(.hidden)').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ authorization: `Bearer ${API_KEY}` }));
    const accepted = await run();
    expect(accepted.status()).toBe(200);
    const answer = (await accepted.json()) as { data: { ingestPapers: { ingested: number; papers: { id: string }[] } } };
    expect(answer.data.ingestPapers.ingested).toBe(1);
    // Leave the seeded graph as the other tests expect it.
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body: JSON.stringify({ query: 'mutation($id: ID!) { deletePaper(id: $id) }', variables: { id: answer.data.ingestPapers.papers[0]!.id } }),
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a seed paper with its mentions highlighted at the stored offsets, follows a related paper and comes back', async () => {
    const { page, external, errors } = await openPage('/explore/paper/flashattention-2');
    await page.locator('h1', { hasText: 'FlashAttention-2' }).waitFor();
    const stored = await storedPaper('flashattention-2');
    const marks = await page.locator('mark.mention').evaluateAll((elements) =>
      elements.map((e) => ({ field: e.getAttribute('data-field'), start: Number(e.getAttribute('data-start')), end: Number(e.getAttribute('data-end')), concept: e.getAttribute('data-concept'), text: e.textContent })),
    );
    const storedMentions = stored.concepts.flatMap((pc) => pc.mentions.map((m) => ({ ...m, concept: pc.concept.id })));
    expect(marks.length).toBeGreaterThanOrEqual(5);
    for (const mark of marks) {
      const text = mark.field === 'title' ? stored.title : stored.abstract;
      expect(mark.text).toBe(text.slice(mark.start, mark.end));
      expect(storedMentions).toContainEqual(expect.objectContaining({ field: mark.field, start: mark.start, end: mark.end, concept: mark.concept }));
    }
    // Every concept of the paper is listed with its role and confidence.
    await expect(page.locator('table.concepts tbody tr').count()).resolves.toBe(stored.concepts.length);
    await expect(page.locator('table.concepts').innerText()).resolves.toMatch(/proposed/);
    await shoot(page, 'paper');

    // Each related paper says why: its shared concepts (with weights) and shared words.
    await expect(page.locator('ol.related > li').first().innerText()).resolves.toMatch(/shares\s[\s\S]*shared words: \w+ \(\d\.\d\d\)/);
    const related = page.locator('ol.related > li > a').first();
    const relatedTitle = await related.innerText();
    await related.click();
    await page.locator('h1', { hasText: relatedTitle }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/explore\/paper\/(?!flashattention-2$)/);
    await page.goBack();
    await page.locator('h1', { hasText: 'FlashAttention-2' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/explore/paper/flashattention-2');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a concept from a paper, with its papers, co-occurring concepts and timeline', async () => {
    const { page, errors } = await openPage('/explore/paper/flashattention-2');
    await page.locator('table.concepts a', { hasText: /^Transformer$/ }).click();
    await page.locator('h1', { hasText: 'Transformer' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/explore/concept/method%3Atransformer');
    await expect(page.locator('ol.hits > li').count()).resolves.toBe(4);
    await expect(page.locator('table.bars').first().locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: /per year/ }).locator('tbody tr').count()).resolves.toBe(4);
    await shoot(page, 'concept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the graph view with nodes and edges, and expands a node', async () => {
    const { page, errors } = await openPage('/explore/paper/attention/graph');
    const canvas = page.locator('.graph-canvas[data-nodes]');
    await canvas.waitFor();
    const nodes = Number(await canvas.getAttribute('data-nodes'));
    expect(nodes).toBeGreaterThan(4);
    expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(3);
    await expect(page.locator('.graph-canvas canvas').count()).resolves.toBeGreaterThan(0);
    // Clicking a node on the canvas (the centre one sits in the middle) shows it, with a link to open it.
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.graph-panel h2', { hasText: 'Attention Is All You Need' }).waitFor();
    await expect(page.locator('.graph-panel a').getAttribute('href')).resolves.toBe('/explore/paper/attention');
    await shoot(page, 'graph');
    // Keyboard path: the node list's Expand buttons.
    await page.locator('.node-details summary').click();
    await page.locator('.node-list li', { hasText: /^BERT: Pre-training/ }).getByRole('button', { name: 'Expand' }).click();
    await page.locator(`.graph-canvas[data-nodes]:not([data-nodes="${nodes}"])`).waitFor();
    expect(Number(await canvas.getAttribute('data-nodes'))).toBeGreaterThan(nodes);
    await page.locator('.node-list li a', { hasText: /^SQuAD$/ }).click();
    await page.locator('h1', { hasText: 'SQuAD' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/explore/concept/dataset%3Asquad');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the dashboard with non-empty charts and the queries behind them', async () => {
    const { page, errors } = await openPage('/explore/dashboard');
    await page.locator('h1', { hasText: 'Dashboard' }).waitFor();
    await page.locator('table.heatmap').waitFor();
    await expect(page.locator('.card-value').first().innerText()).resolves.toBe('5');
    await expect(page.getByRole('table', { name: 'Concepts by type' }).locator('tbody tr').count()).resolves.toBe(4);
    await expect(page.getByRole('table', { name: 'Top methods' }).locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    const cells = await page.locator('table.heatmap td.cell').allInnerTexts();
    expect(cells.some((cell) => Number(cell) > 0)).toBe(true);
    await expect(page.getByRole('table', { name: /per year/ }).locator('tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('.query-box pre').first().textContent()).resolves.toContain('query Dashboard');
    await shoot(page, 'dashboard');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches from the keyboard and keeps the search in the URL', async () => {
    const { page, errors } = await openPage('/explore');
    await page.getByLabel('Search', { exact: true }).fill('attention');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=attention/);
    await page.locator('.count', { hasText: /^\d+ papers?$/ }).waitFor();
    await page.getByRole('radio', { name: 'Concepts' }).check();
    await page.waitForURL(/kind=concepts/);
    await page.locator('.count', { hasText: /concepts?$/ }).waitFor();
    await shoot(page, 'search');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2 A or AA violations that axe finds, on every explorer view, wide and narrow', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const views: [string, string][] = [
      ['/explore?q=attention', '.count'],
      ['/explore/paper/flashattention-2', 'mark.mention'],
      ['/explore/concept/method:transformer', 'table.bars'],
      ['/explore/paper/attention/graph', '.graph-canvas[data-nodes]'],
      ['/explore/dashboard', 'table.heatmap'],
    ];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      // axe is injected as an inline script, which the pages' Content-Security-Policy rightly forbids.
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      for (const [path, ready] of views) {
        await page.goto(`${base}${path}`);
        await page.locator(ready).first().waitFor();
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate<{ id: string; targets: string[] }[]>(`
          axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((result) => result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => String(n.target)).slice(0, 5) })))`);
        expect([path, viewport.width, violations]).toEqual([path, viewport.width, []]);
      }
      await context.close();
    }
  });

  it('fits a phone screen', async () => {
    const { page, errors } = await openPage('/explore/paper/flashattention-2', { width: 390, height: 844 });
    await page.locator('mark.mention').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'paper-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
