// Auth flows that do not need a node: guest sign-in, OAuth against a server without OAuth,
// sign out, delete account with confirmation, and the guard for signed-out visitors.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, signUp } from './harness';

const env = inject('e2e');
const site = env.siteUrl;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('auth and public pages', () => {
  it('sends a signed-out visitor of a guarded page to sign-in and back after continuing as guest', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${site}/nodes`);
      await page.waitForURL(`${site}/auth?next=%2Fnodes`);
      await page.getByRole('button', { name: 'continue as a guest' }).click();
      await page.waitForURL(`${site}/nodes`);
      await page.getByRole('heading', { name: 'Nodes', level: 1 }).waitFor();
      expect(await page.getByTestId('account-link').textContent()).toContain('Guest');
    } finally {
      await context.close();
    }
  });

  it('shows the 501 of a server without OAuth as a clean error and stays on the page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${site}/auth`);
      // the sign-in / sign-up tabs follow the keyboard pattern of tabs
      await page.getByRole('tab', { name: 'Sign in' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'Sign up' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-signup');
      await page.getByRole('button', { name: 'Discord' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Sign-in with discord is not available');
      expect(page.url()).toBe(`${site}/auth`);
    } finally {
      await context.close();
    }
  });

  it('lists linked identities, signs out, and deletes an account after confirmation', async () => {
    const { context, page } = await newPage(browser);
    try {
      const { email, password } = await signUp(page, site, 'carol');
      await page.goto(`${site}/account`);
      await page.getByTestId('identities').getByText('email').waitFor();
      await page.getByRole('button', { name: 'Link GitHub' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.getAttribute('data-kind')).toBe('unsupported');
      expect(page.url()).toBe(`${site}/account`);
      // the header's sign-out (the account page has one too)
      await page.getByTestId('sign-out').click();
      await page.waitForURL(`${site}/`);
      await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

      await page.goto(`${site}/auth?next=/account`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${site}/account`);

      await page.getByRole('button', { name: 'Delete account' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(page.url()).toBe(`${site}/account`);
      await page.getByRole('button', { name: 'Delete account' }).click();
      await page.getByTestId('confirm').click();
      await page.waitForURL(`${site}/`);

      await page.goto(`${site}/auth`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').waitFor();
      expect(page.url()).toContain('/auth');
    } finally {
      await context.close();
    }
  });

  it('searches game spells by name and shows a tooltip on keyboard focus', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${site}/game`);
      await page.getByRole('searchbox').fill('kill');
      const result = page.getByRole('button', { name: /Kill Command/ }).first();
      await result.waitFor();
      await result.focus();
      const tip = page.getByRole('tooltip').filter({ hasText: 'Kill Command' }).first();
      await tip.waitFor();
      expect(await tip.isVisible()).toBe(true);
      await page.getByLabel('Search in').selectOption('items');
      await page.getByRole('searchbox').fill('zzzz-no-such-item');
      await page.getByText('0 results').waitFor();
    } finally {
      await context.close();
    }
  });
});
