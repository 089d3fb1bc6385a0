// The PWA: installable manifest, a service worker that precaches the shell and the sim
// worker, and an offline reload that still shows the app shell with an offline notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { env, launchBrowser, newContext, waitFor } from './helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('PWA', () => {
  it('serves a manifest with installable icons', async () => {
    const res = await fetch(`${env.siteUrl}/manifest.webmanifest`);
    expect(res.ok).toBe(true);
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
    };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
      expect(icon, size).toBeDefined();
      const png = await fetch(`${env.siteUrl}${icon!.src}`);
      expect(png.headers.get('content-type')).toContain('image/png');
      const bytes = new Uint8Array(await png.arrayBuffer());
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual(size.split('x').map(Number));
    }
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });

  it('precaches the app shell and the simulation worker on the first visit', async () => {
    await page.goto(`${env.siteUrl}/contribute`);
    await page.getByRole('heading', { name: 'Contribute', exact: true }).waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cached = await waitFor(
      'precache',
      async () => {
        const urls = await page.evaluate(async () => {
          const out: string[] = [];
          for (const name of await caches.keys()) {
            for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname);
          }
          return out;
        });
        return urls.some((u) => u.includes('/workers/sim.worker')) && urls.includes('/') ? urls : null;
      },
      30_000,
      250,
    );
    expect(cached.some((u) => u.startsWith('/_app/immutable/entry/'))).toBe(true);
  });

  it('reloads offline: the cached shell renders with an offline notice', async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('offline-notice').waitFor();
      await page.getByRole('heading', { name: 'Contribute', exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'wowlab' }).first().isVisible()).toBe(true);
      // another route that was never visited still opens from the shell
      await page.goto(`${env.siteUrl}/rankings`).catch(() => undefined);
      await page.getByTestId('offline-notice').waitFor();
      expect(await page.locator('header').isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
    }
  });
});
