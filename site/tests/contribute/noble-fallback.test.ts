// Where the browser lacks Ed25519 in WebCrypto, the tab node falls back to @noble/ed25519
// with the seed stored in IndexedDB the same way — and the sentinel accepts its signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createJob,
  getChunks,
  launchBrowser,
  newContext,
  nodeId,
  openContribute,
  signUpUser,
  waitForJob,
  waitForPhase,
} from './helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  // An older browser: WebCrypto without Ed25519 (main thread and workers alike).
  await context.addInitScript(() => {
    const subtle = crypto.subtle;
    const isEd = (alg: unknown) =>
      (typeof alg === 'string' ? alg : (alg as { name?: string } | null)?.name)?.toLowerCase() === 'ed25519';
    const refuse = () => Promise.reject(new DOMException('Ed25519 is not supported', 'NotSupportedError'));
    const generateKey = subtle.generateKey.bind(subtle);
    const importKey = subtle.importKey.bind(subtle);
    Object.defineProperty(subtle, 'generateKey', {
      value: (alg: AlgorithmIdentifier, ...rest: unknown[]) =>
        isEd(alg) ? refuse() : (generateKey as (...a: unknown[]) => unknown)(alg, ...rest),
    });
    Object.defineProperty(subtle, 'importKey', {
      value: (format: string, data: unknown, alg: AlgorithmIdentifier, ...rest: unknown[]) =>
        isEd(alg) ? refuse() : (importKey as (...a: unknown[]) => unknown)(format, data, alg, ...rest),
    });
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('a browser without WebCrypto Ed25519', () => {
  it('contributes with a @noble/ed25519 key stored in IndexedDB', async () => {
    await openContribute(page);
    await page.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await waitForPhase(page, 'contributing');
    const node = await nodeId(page);
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('wowlab-contribute');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rec = await new Promise<{ kind: string; seed?: Uint8Array }>((resolve, reject) => {
        const req = db.transaction('keys').objectStore('keys').get('node-key');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      return { kind: rec.kind, seedBytes: rec.seed instanceof Uint8Array ? rec.seed.length : -1 };
    });
    expect(stored).toEqual({ kind: 'noble', seedBytes: 32 });

    const other = await signUpUser('noble-submitter');
    const jobId = await createJob(other, { iterations: 1000, access: 'public', seed: 77 });
    await waitForJob(jobId);
    expect((await getChunks(jobId))[0]!.node_id).toBe(node);

    await page.reload();
    await waitForPhase(page, 'contributing');
    expect(await nodeId(page)).toBe(node);
  });
});
