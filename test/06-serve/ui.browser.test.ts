/**
 * Browser tests: a real server on 127.0.0.1 over a real store holding the bundled sample corpus
 * (processed by the real pipeline) plus one hand-made document, driven in headless Chromium
 * (Debian's chromium via playwright-core). Screenshots go to test-artifacts/ui/.
 * Without a Chromium binary the suite is skipped, except under CI, where that is a failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore } from '../../src/05-store/sqlite.js';
import type { Store } from '../../src/05-store/store.js';
import { startServer } from '../../src/06-serve/server.js';
import { Readout } from '../../src/app.js';
import { docA } from '../fixtures/records.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find(
  (p) => p && fs.existsSync(p),
);
if (!CHROMIUM && process.env.CI)
  throw new Error('CI: no Chromium at /usr/bin/chromium (.ci/run installs Debian chromium)');
const ART = path.resolve('test-artifacts/ui');

describe.skipIf(!CHROMIUM)('web UI in headless Chromium', () => {
  let dir: string;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let url: string;
  let close: () => void;
  let sampleDocs = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-ui-'));
    fs.mkdirSync(ART, { recursive: true });
    store = openStore(path.join(dir, 'ui.db'));
    const app = new Readout();
    for await (const r of app.run([path.resolve('sample')])) {
      if (r.ok) {
        app.store(store, r.item);
        sampleDocs++;
      }
    }
    store.putDocument(docA());
    const s = await startServer({ store, host: '127.0.0.1', port: 0 });
    url = s.url;
    close = () => s.server.close();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => {
      throw e;
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    close?.();
    store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async (hash: string, ready: string) => {
    await page.goto(url + hash);
    await page.waitForSelector(`main[data-ready="${ready}"]`);
  };
  const shot = (name: string) => page.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });

  it('lists the sample documents with counts', async () => {
    await open('#/', 'documents');
    const rows = await page.locator('[data-testid=documents] tr').count();
    expect(rows - 1).toBe(sampleDocs + 1);
    expect(await page.locator('[data-testid=stats]').textContent()).toMatch(/\d+ documents · \d+ meetings/);
    await shot('documents');
  });

  it('opens a document, shows highlighted layers, toggles them, and explains a highlight on click', async () => {
    await open('#/doc/doc-a', 'doc');
    const text = page.locator('[data-testid=doctext]');
    expect(await text.textContent()).toContain('Lavrov met Tillerson');
    // document text is untrusted: a <script> in it is shown as text, never run
    expect(await text.textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('[data-testid=doctext] script').count()).toBe(0);
    expect(await page.locator('.l-actor').count()).toBeGreaterThan(0);
    expect(await page.locator('.l-date').count()).toBeGreaterThan(0);
    await page.locator('.l-actor', { hasText: 'Tillerson' }).first().click();
    expect(await page.locator('[data-testid=panel]').textContent()).toContain('Rex Tillerson');
    expect(await page.locator('[data-testid=panel]').textContent()).toContain('USA');
    await shot('reader');
    const actorBg = () =>
      page
        .locator('.l-actor')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const before = await actorBg();
    await page.locator('input[data-layer=actors]').uncheck();
    expect(await page.locator('[data-testid=doctext]').getAttribute('class')).not.toContain('show-actors');
    expect(await actorBg()).not.toBe(before);
    await page.locator('input[data-layer=actors]').check();
    expect(await actorBg()).toBe(before);
  });

  it('shows the timeline for a country pair with Goldstein-coloured bars and meetings', async () => {
    await open('#/timeline?dyad=RUS-USA', 'timeline');
    expect(await page.locator('[data-testid=timeline] rect[data-month="2017-07"]').count()).toBe(1);
    expect(await page.locator('[data-testid=timeline] .meeting-dot').count()).toBeGreaterThan(0);
    await shot('timeline');
  });

  it('shows the network of countries with edges', async () => {
    await open('#/network', 'network');
    expect(await page.locator('[data-testid=network] .node').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid=network] line').count()).toBeGreaterThanOrEqual(1);
    await shot('network');
  });

  it('shows the map with world shapes and meeting places', async () => {
    await open('#/map', 'map');
    expect(await page.locator('[data-testid=map] path').count()).toBeGreaterThan(150);
    expect(await page.locator('[data-testid=map] circle.place').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=places]').textContent()).toContain('Hamburg');
    await shot('map');
  });

  it('lists agreements with effective dates, meetings and quotes', async () => {
    await open('#/agreements', 'agreements');
    const t = await page.locator('[data-testid=agreements]').textContent();
    expect(t).toContain('2017-07-09');
    await shot('agreements');
    await open('#/meetings?country=USA', 'meetings');
    expect(await page.locator('[data-testid=meetings]').textContent()).toContain('Hamburg');
    await shot('meetings');
    await open('#/quotes', 'quotes');
    expect(await page.locator('[data-testid=quotes]').textContent()).toContain('We agreed to establish a channel');
  });

  it('searches sentences from the header box and links to the reader', async () => {
    await open('#/', 'documents');
    await page.fill('#search-input', 'working group');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('main[data-ready="search"]');
    expect(await page.locator('[data-testid=hits] .hit').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=hits] mark').first().textContent()).toMatch(/working|group/i);
    await shot('search');
    await page.locator('[data-testid=hits] a', { hasText: 'read' }).first().click();
    await page.waitForSelector('main[data-ready="doc"]');
    expect(await page.locator('.seg.selected').count()).toBe(1);
  });
});
