// What a player is told about pasted text: the sim builder's profile box and the rotation editor
// list every error at once (line, column), and the warnings (lines used, with something to know,
// such as a rotation's no-op action) in a list of their own, apart from the profile's ignored lines.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeLoadout } from '@wowlab/sim-core';
import { launchBrowser, newPage, screenshot, signUp } from './harness';

const site = inject('e2e').siteUrl;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await signUp(page, site, 'paste');
});

afterAll(async () => {
  await browser?.close();
});

const GOOD = [
  'hunter="Vex"', // 1
  'spec=marksmanship', // 2
  'trinket1=,id=1234', // 3: ignored
  'actions.precombat=summon_pet', // 4: warning
  'actions=auto_shot', // 5: warning
  'actions+=/aimed_shot,if=talent.lunar_storm|!talent.unload', // 6: warning
  'actions+=/steady_shot', // 7
];
// the same profile with two bad rotation lines
const BROKEN = [...GOOD, 'actions+=/not_a_spell', 'actions+=/aimed_shot,bogus=1'];

describe('pasted SimulationCraft profile', () => {
  async function load(lines: string[]) {
    await page.getByLabel(/^Paste a profile/).fill(lines.join('\n'));
    await page.getByRole('button', { name: 'Load profile' }).click();
  }

  it('lists every problem of a profile at once, with line and column, and loads nothing', async () => {
    await page.goto(`${site}/sim`);
    await page.getByTestId('profile-text').locator('summary').click();
    await load(BROKEN);
    const errors = page.getByTestId('profile-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      "Line 8, column 11: unknown action 'not_a_spell'.",
      expect.stringMatching(/^Line 9, column 22: unknown option 'bogus' for an action \(allowed: .*\)\.$/),
    ]);
    expect(await page.getByRole('alert').filter({ has: errors }).textContent()).toContain(
      'This profile has 2 problems; nothing was loaded:',
    );
    // the warnings of the lines read are listed with them, so both are mended in one round
    const warnings = page.getByRole('list', { name: /^Warnings \(4\) of the lines read, for when it loads/ });
    expect(await warnings.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Line 2 \(spec=marksmanship\): no gear_agility, /),
      expect.stringMatching(/^Line 4 \(actions\.precombat=summon_pet\): summon_pet is not modelled/),
      expect.stringMatching(/^Line 5 \(actions=auto_shot\): auto_shot is not modelled/),
      expect.stringMatching(/^Line 6 \(actions\+=\/aimed_shot,if=talent\.lunar_storm\|!talent\.unload\): /),
    ]);
    await screenshot(page, 'profile-paste-errors');
  });

  it('lists the warnings under their own heading, apart from the ignored lines', async () => {
    await load(GOOD);
    await page.getByRole('status').filter({ hasText: 'Loaded Vex.' }).waitFor();
    expect(await page.getByTestId('profile-errors').count()).toBe(0);
    const warnings = page.getByRole('list', { name: /^Warnings \(4\): these lines are used/ });
    expect(await warnings.getAttribute('data-testid')).toBe('profile-warnings');
    expect(await warnings.locator('li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Line 2 \(spec=marksmanship\): no gear_agility, .* the sim uses Marksmanship's defaults/,
      ),
      'Line 4 (actions.precombat=summon_pet): summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored.',
      'Line 5 (actions=auto_shot): auto_shot is not modelled (auto shots always run); ignored.',
      expect.stringMatching(
        /^Line 6 \(actions\+=\/aimed_shot,if=talent\.lunar_storm\|!talent\.unload\): .*talent\.unload reads 0\.$/,
      ),
    ]);
    const ignored = page.getByRole('list', { name: /^Ignored lines \(1\)/ });
    expect(await ignored.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Line 3 \(trinket1=,id=1234\) ignored: /),
    ]);
    // the lines warned about are kept: the builder's rotation is the pasted one
    expect(await page.getByRole('textbox', { name: 'Action priority list' }).inputValue()).toContain(
      'actions.precombat=summon_pet',
    );
    await screenshot(page, 'profile-paste-warnings');
  });

  it('runs a new account’s pasted SimC character on the stats SimC gives it: Gear Summary read, gear agility to the sheet', async () => {
    // a SimulationCraft-style character: items (not modelled) in all 8 armour slots, stats only in
    // the Gear Summary comments, no rotation (the spec's default)
    const armour = ['head', 'shoulder', 'chest', 'waist', 'legs', 'feet', 'wrist', 'hands'];
    const character = [
      'hunter="Dwarfie"',
      'spec=beast_mastery',
      'race=dwarf',
      ...armour.map((slot) => `${slot}=,id=1`),
      '# Gear Summary',
      '# gear_agility=76043',
      '# gear_crit_rating=17709',
    ];
    await page.goto(`${site}/sim`);
    await page.getByTestId('profile-text').locator('summary').click();
    await load(character);
    await page.getByRole('status').filter({ hasText: 'Loaded Dwarfie.' }).waitFor();
    // floor((17647 − 2 + 76043) × 1.05): the sheet SimulationCraft builds for this dwarf in mail
    expect(await page.getByLabel('Agility', { exact: true }).inputValue()).toBe('98372');
    expect(await page.getByLabel('Critical strike (rating)', { exact: true }).inputValue()).toBe('17709');
    const warnings = page.getByTestId('profile-warnings');
    expect(await warnings.locator('li').allTextContents()).toEqual([
      // the stats the profile does not give are the spec's defaults, said at spec=
      expect.stringMatching(
        /^Line 2 \(spec=beast_mastery\): no gear_haste_rating, gear_mastery_rating, gear_versatility_rating in this profile/,
      ),
      expect.stringMatching(/^Line 13 \(# gear_agility=76043\): read from the Gear Summary comment/),
      expect.stringMatching(/^Line 14 \(# gear_crit_rating=17709\): read from the Gear Summary comment/),
    ]);
    // the account has no node: the sim is still accepted and its job page opens (its state, or
    // already its result when this tab ran it)
    await page.getByLabel('Iterations', { exact: true }).fill('1000');
    await page.getByTestId('cost-estimate').waitFor();
    await page.getByRole('button', { name: 'Run sim' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.getByTestId('job-state-headline').or(page.getByTestId('mean-dps')).first().waitFor();
  });
});

describe('item effects', () => {
  it('a pasted character’s items set the builder’s weapon enchant and item effects (both trinkets), each said at its line; a new account with no node runs it', async () => {
    await page.goto(`${site}/sim`);
    await page.getByTestId('profile-text').locator('summary').click();
    await page.getByLabel(/^Paste a profile/).fill(
      [
        'hunter="Gemmy"', // 1
        'spec=marksmanship', // 2
        'head=,id=237646,gem_id=213743', // 3: the meta gem
        'neck=,id=185842,gem_id=213458/213491', // 4: a ruby and an onyx
        'back=reshii_wraps,id=235499,ilevel=730', // 5
        'trinket1=astral_antenna,id=242395,ilevel=723', // 6
        'main_hand=,id=185783,ilevel=723,enchant_id=7439', // 7: Council's Guile, rank 3
        'trinket2=unyielding_netherprism,id=242396,ilevel=710', // 8: its use is in the default rotation
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Load profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Loaded Gemmy.' }).waitFor();
    expect(await page.getByLabel('Weapon enchant').inputValue()).toBe('councils_guile_3');
    expect(await page.getByLabel('Meta gem').inputValue()).toBe('2');
    expect(await page.getByLabel(/^Reshii Wraps item level/).inputValue()).toBe('730');
    expect(await page.getByLabel(/^Astral Antenna item level/).inputValue()).toBe('723');
    expect(await page.getByLabel(/^Unyielding Netherprism item level/).inputValue()).toBe('710');
    const warnings = await page.getByTestId('profile-warnings').locator('li').allTextContents();
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Line 3 \(head=,id=237646,gem_id=213743\): Culminating Blasphemite is modelled/,
        ),
        expect.stringMatching(/^Line 5 .*Reshii Wraps' Ethereal Reaping is modelled at item level 730/),
        expect.stringMatching(/^Line 6 .*Astral Antenna is modelled at item level 723/),
        expect.stringMatching(/^Line 7 .*its enchant Council's Guile \(rank 3\) is modelled/),
        expect.stringMatching(
          /^Line 8 .*Unyielding Netherprism is modelled at item level 710: .* use_item,name=unyielding_netherprism/,
        ),
      ]),
    );
    // none of them listed as ignored (the neck is: its items' own effects are not modelled)
    const ignored = await page.getByTestId('profile-ignored').locator('li').allTextContents();
    expect(ignored).toEqual([expect.stringMatching(/^Line 4 \(neck=/)]);
    // this account has no node: the character with its items is priced, accepted, and its job opens
    await page.getByLabel('Iterations', { exact: true }).fill('1000');
    await page.getByTestId('cost-estimate').waitFor();
    await page.getByRole('button', { name: 'Run sim' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.getByTestId('job-state-headline').or(page.getByTestId('mean-dps')).first().waitFor();
  });
});

describe('tier set', () => {
  it('a pasted profile’s set pieces set the tier set select; the player can change it, and a new account with no node runs it with the set', async () => {
    await page.goto(`${site}/sim`);
    await page.getByTestId('profile-text').locator('summary').click();
    await page.getByLabel(/^Paste a profile/).fill(
      [
        'hunter="Setty"', // 1
        'spec=marksmanship', // 2
        'head=midnight_heralds_cowl,id=237646', // 3
        'shoulders=midnight_heralds_shadowguards,id=237644', // 4
        'chest=midnight_heralds_hauberk,id=237649', // 5
        'legs=midnight_heralds_petticoat,id=237645', // 6
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Load profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Loaded Setty.' }).waitFor();
    const select = page.getByLabel('Tier set (The War Within season 3)');
    expect(await select.inputValue()).toBe('4');
    expect(await page.getByTestId('profile-warnings').locator('li').allTextContents()).toContain(
      "Line 3 (head=midnight_heralds_cowl,id=237646): 4 pieces of Midnight Herald's Pledge (the TWW3 hunter set) " +
        "on lines 3, 4, 5, 6: 2- and 4-piece bonuses on. The items' stats are not read: they come from gear_*= lines or the Gear Summary.",
    );
    // the set pieces are not listed as ignored items (nothing else is ignored here)
    expect(await page.getByTestId('profile-ignored').count()).toBe(0);
    await select.selectOption('2');
    expect(await select.inputValue()).toBe('2');
    await select.selectOption('none');
    expect(await select.inputValue()).toBe('none');
    // back to the four pieces: this new account (no node) runs the sim, with the set, in its own tab
    await select.selectOption('4');
    await page.getByLabel('Iterations', { exact: true }).fill('1000');
    await page.getByTestId('cost-estimate').waitFor();
    const created = page.waitForRequest((r) => r.url().includes('/rpc/create_job'));
    await page.getByRole('button', { name: 'Run sim' }).click();
    const body = JSON.parse((await created).postData() ?? '{}') as { config?: { setBonuses?: string[] } };
    expect(body.config?.setBonuses).toEqual(['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc']);
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.getByTestId('mean-dps').waitFor({ timeout: 60_000 });
  });

  it('a new account with no node pastes an area Marksmanship build: its Volley, Salvo and Trick Shots talents are simulated, none ignored, in its own tab', async () => {
    // the in-game export of a loadout taking Trick Shots, Volley, Salvo, Small Game Hunter and Light Ammo
    // (trait nodes and spells of the 11.2 tree: sim-core/src/talents/hunter-tree.ts)
    const talents = encodeLoadout({
      specId: 254,
      talents: [
        { nodeId: 103957, spellId: 257621 }, // Trick Shots (a choice node with Aspect of the Hydra)
        { nodeId: 103956, spellId: 260243 }, // Volley
        { nodeId: 103960, spellId: 400456 }, // Salvo
        { nodeId: 103978, spellId: 459802 }, // Small Game Hunter
        { nodeId: 107288, spellId: 378913 }, // Light Ammo
      ],
    });
    await page.goto(`${site}/sim`);
    await page.getByTestId('profile-text').locator('summary').click();
    await page
      .getByLabel(/^Paste a profile/)
      .fill(['hunter="Volleyer"', 'spec=marksmanship', `talents=${talents}`].join('\n'));
    await page.getByRole('button', { name: 'Load profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Loaded Volleyer.' }).waitFor();
    // nothing of the string is dropped as not modelled
    const ignored = (await page.getByTestId('profile-ignored').allTextContents()).join(' ');
    expect(ignored).not.toMatch(/Volley|Salvo|Trick Shots|Small Game Hunter|Light Ammo/);
    await page.getByLabel('Iterations', { exact: true }).fill('1000');
    await page.getByTestId('cost-estimate').waitFor();
    const created = page.waitForRequest((r) => r.url().includes('/rpc/create_job'));
    await page.getByRole('button', { name: 'Run sim' }).click();
    const body = JSON.parse((await created).postData() ?? '{}') as {
      config?: { player?: { talents?: string[] } };
    };
    expect(body.config?.player?.talents).toEqual(
      expect.arrayContaining(['trick_shots', 'volley', 'salvo', 'small_game_hunter', 'light_ammo']),
    );
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.getByTestId('mean-dps').waitFor({ timeout: 60_000 });
    // the rotation cast Volley: its damage is on the result page
    await page.getByText('Volley', { exact: true }).first().waitFor();
  });
});

describe('rotation editor', () => {
  const script = () => page.getByLabel(/^Script/);

  it('lists every error with its line and column; each selects its place in the script', async () => {
    await page.goto(`${site}/rotations/new`);
    await page.getByLabel('Name', { exact: true }).fill('Paste feedback');
    await page.locator('select[name="spec"]').selectOption('mm-hunter');
    const text = ['actions=steady_shot', 'actions+=/not_a_spell', 'actions+=/aimed_shot,bogus=1'].join('\n');
    await script().fill(text);
    const errors = page.getByTestId('parse-error');
    await errors.waitFor();
    expect(await page.getByTestId('parse-summary').textContent()).toContain('The rotation has 2 problems.');
    expect(await errors.locator('li').allTextContents()).toEqual([
      "Line 2, column 11: unknown action 'not_a_spell'",
      expect.stringMatching(/^Line 3, column 22: unknown option 'bogus' for an action/),
    ]);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    await errors.getByRole('button', { name: 'Line 3, column 22' }).click();
    // column 22 of line 3: the unknown option
    expect(await script().evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      text.indexOf('bogus'),
    );
    expect(await script().evaluate((el) => el === document.activeElement)).toBe(true);
    await errors.getByRole('button', { name: 'Line 2, column 11' }).click();
    expect(await script().evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      text.indexOf('not_a_spell'),
    );
    await screenshot(page, 'rotation-editor-errors');
  });

  it('lists the warnings of a script that parses, and still lets it be saved', async () => {
    const text = ['actions.precombat=summon_pet', 'actions=auto_shot', 'actions+=/aimed_shot'].join('\n');
    await script().fill(text);
    const ok = page.getByTestId('parse-ok');
    await ok.waitFor();
    expect(await ok.textContent()).toContain('Rotation parses, with 2 warnings');
    expect(await page.getByTestId('parse-error').count()).toBe(0);
    const warnings = page.getByTestId('parse-warnings');
    expect(await warnings.locator('li').allTextContents()).toEqual([
      'Line 1: summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored',
      'Line 2: auto_shot is not modelled (auto shots always run); ignored',
    ]);
    await warnings.getByRole('button', { name: 'Line 2' }).click();
    expect(await script().evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      text.indexOf('auto_shot'),
    );
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(false);
    await screenshot(page, 'rotation-editor-warnings');
  });
});
