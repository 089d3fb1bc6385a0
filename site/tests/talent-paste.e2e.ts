// The sim builder's talent string box (issue 18): a player pastes the string the game exports,
// sees the talents it turns on and off, what is ignored and why, toggles talents afterwards,
// is offered the other spec for a string of it, and reads a damaged string's error in words.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REAL } from '@wowlab/sim-core/testing/talent-strings';
import { launchBrowser, newPage, screenshot, signUp } from './harness';

const site = inject('e2e').siteUrl;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await signUp(page, site, 'talents');
});

afterAll(async () => {
  await browser?.close();
});

const talent = (name: string) => page.getByTestId('sim-builder').getByRole('checkbox', { name, exact: true });

async function paste(text: string) {
  await page.getByLabel('Paste talents from the game').fill(text);
  await page.getByRole('button', { name: 'Use these talents' }).click();
}

describe('talent string paste box', () => {
  it('applies a real Beast Mastery string: talents toggled, the ignored ones listed with why', async () => {
    await page.goto(`${site}/sim`);
    // the Beast Mastery defaults (SimC's Pack Leader profile) have Wild Call and Howl of the Pack
    // Leader, which this loadout does not take
    expect(await talent('Wild Call').isChecked()).toBe(true);
    expect(await talent('Howl of the Pack Leader').isChecked()).toBe(true);

    await paste(REAL.bmDarkRanger);
    const summary = page.getByTestId('talent-paste-summary');
    await summary.waitFor();
    expect(await summary.getByRole('status').textContent()).toMatch(
      /Talents from the string: Beast Mastery Hunter, Dark Ranger, 41\s+talents the sim models\./,
    );
    expect(await talent('Wild Call').isChecked()).toBe(false);
    expect(await talent('Howl of the Pack Leader').isChecked()).toBe(false);
    for (const name of ['Call of the Wild', 'Dire Beast', 'Bloodshed', 'Killer Instinct'])
      expect(await talent(name).isChecked(), name).toBe(true);
    // the weapon enchant is the builder's item effects, not a talent: the paste leaves it as it was
    expect(await page.getByLabel('Weapon enchant').inputValue()).toBe('authority_of_radiant_power_3');
    expect(await page.getByTestId('talent-paste-kept').count()).toBe(0);

    const ignored = page.getByTestId('talent-paste-ignored');
    const notYet = ignored.locator('li').filter({ hasText: 'Not modelled yet:' });
    // the Dark Ranger tree is modelled (Black Arrow and its talents); its other talents are listed
    expect(await notYet.textContent()).toContain('Shadow Dagger');
    expect(await notYet.textContent()).not.toContain('Black Arrow');
    expect(await ignored.textContent()).toContain(
      'A Pack Leader talent, and this loadout uses Dark Ranger: Howl of the Pack Leader.',
    );
    expect(await summary.textContent()).toMatch(/Always known in the sim:.*Kill Command/);
    await screenshot(page, 'sim-builder-talent-string');
  });

  it('follows talents toggled after the paste and puts the string’s talents back on request', async () => {
    await talent('Wild Call').check();
    await talent('Dire Beast').uncheck();
    const changed = page.getByTestId('talent-paste-changed');
    await changed.waitFor();
    expect(await changed.textContent()).toContain(
      'Changed since the paste: added Wild Call; turned off Dire Beast.',
    );
    expect(await page.getByTestId('talent-paste-modelled').textContent()).toMatch(
      /Dire Beast\s*\(turned off\)/,
    );

    await page.getByRole('button', { name: 'Use the string’s talents again' }).click();
    await changed.waitFor({ state: 'detached' });
    expect(await talent('Wild Call').isChecked()).toBe(false);
    expect(await talent('Dire Beast').isChecked()).toBe(true);
  });

  it('offers the spec of a string of the other spec, and switches to it', async () => {
    await paste(REAL.mmDarkRanger);
    const offer = page.getByTestId('talent-paste-other-spec');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(
      'This talent string is for a Marksmanship Hunter, but the spec is Beast Mastery.',
    );
    // nothing changed yet
    expect(await page.locator('select[name="spec"]').inputValue()).toBe('bm-hunter');

    await offer.getByRole('button', { name: 'Switch to Marksmanship Hunter and use these talents' }).click();
    await expect.poll(() => page.locator('select[name="spec"]').inputValue()).toBe('mm-hunter');
    expect(await page.getByTestId('talent-paste-summary').getByRole('status').textContent()).toContain(
      'Switched the spec to Marksmanship Hunter',
    );
    expect(await talent('Explosive Shot').isChecked()).toBe(true);
    expect(await talent('Lock and Load').isChecked()).toBe(true);
    expect(await talent('Trick Shots').isChecked()).toBe(false);
    // the talents from the string make a sim the builder accepts
    await page.getByTestId('cost-estimate').waitFor();
    expect(await page.getByRole('button', { name: 'Run sim' }).isDisabled()).toBe(false);
  });

  it('says what is wrong with a damaged string, in words, and changes nothing', async () => {
    await paste(REAL.bmDarkRanger.slice(0, 40));
    const err = page.getByTestId('talent-paste-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/^This string is damaged or incomplete/);
    expect(await err.textContent()).not.toMatch(/Error|\.ts\b/);
    expect(await page.locator('select[name="spec"]').inputValue()).toBe('mm-hunter');
    expect(await talent('Explosive Shot').isChecked()).toBe(true);

    // a spec change leaves the string's summary behind
    await page.locator('select[name="spec"]').selectOption('bm-hunter');
    await page.getByTestId('talent-paste-summary').waitFor({ state: 'detached' });
  });
});
