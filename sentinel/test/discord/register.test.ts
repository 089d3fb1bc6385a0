// The registration script builds the right PUT (no network here: the REST client is a stub).
import { ApplicationCommandOptionType, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildCommandBodies, subcommands } from '../../src/discord/commands.ts';
import { handlers } from '../../src/discord/router.ts';
import { USAGE, buildRegistration, main } from '../../src/discord/register.ts';

const APP = '123456789012345678';
const GUILD = '876543210987654321';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const puts: Array<{ route: string; body: unknown }> = [];
  return {
    out,
    err,
    puts,
    io: {
      out: (l: string) => void out.push(l),
      err: (l: string) => void err.push(l),
      rest: {
        put: async (route: string, opts?: { body?: unknown }) => {
          puts.push({ route, body: opts?.body });
          return opts?.body as unknown[];
        },
      },
    },
  };
}

describe('command definitions', () => {
  it('one /wlab chat-input command whose subcommands are exactly the routed ones', () => {
    const [wlab, ...rest] = buildCommandBodies();
    expect(rest).toEqual([]);
    expect(wlab?.name).toBe('wlab');
    const subs = wlab?.options ?? [];
    expect(subs.every((o) => o.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    expect(subs.map((o) => o.name)).toEqual(Object.keys(subcommands));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(subcommands).sort());
  });

  it('declares the options the handlers read', () => {
    const subs = buildCommandBodies()[0]?.options ?? [];
    const optionsOf = (name: string) =>
      (subs.find((o) => o.name === name) as { options?: Array<Record<string, unknown>> } | undefined)
        ?.options ?? [];
    expect(optionsOf('job')).toEqual([
      expect.objectContaining({
        name: 'id',
        type: ApplicationCommandOptionType.String,
        required: true,
        min_length: 36,
        max_length: 36,
      }),
    ]);
    expect(optionsOf('drain')).toEqual([
      expect.objectContaining({ name: 'node', type: ApplicationCommandOptionType.String, required: true }),
    ]);
    expect(optionsOf('nodes')[0]).toMatchObject({
      name: 'scope',
      choices: [
        { name: 'mine', value: 'mine' },
        { name: 'all (admins)', value: 'all' },
      ],
    });
  });

  it('the body passes the builders validation when read back', () => {
    const body = buildCommandBodies()[0]!;
    const rebuilt = new SlashCommandBuilder().setName(body.name).setDescription(body.description);
    for (const sub of body.options ?? [])
      rebuilt.addSubcommand((s) => s.setName(sub.name).setDescription(sub.description));
    expect(() => rebuilt.toJSON()).not.toThrow();
  });
});

describe('discord:register', () => {
  it('PUTs the commands globally, or to one guild', async () => {
    expect(buildRegistration(APP).route).toBe(`/applications/${APP}/commands`);
    expect(buildRegistration(APP, GUILD).route).toBe(`/applications/${APP}/guilds/${GUILD}/commands`);

    const t = io();
    const code = await main(['--guild', GUILD], { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APP }, t.io);
    expect(code).toBe(0);
    expect(t.puts).toEqual([
      { route: `/applications/${APP}/guilds/${GUILD}/commands`, body: buildCommandBodies() },
    ]);
    expect(t.out).toEqual([`registered 1 command(s) in guild ${GUILD}`]);

    const g = io();
    expect(
      await main([], { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: '' }, g.io),
    ).toBe(0);
    expect(g.puts[0]?.route).toBe(`/applications/${APP}/commands`);
  });

  it('prints help, and refuses missing or malformed settings', async () => {
    const h = io();
    expect(await main(['--help'], {}, h.io)).toBe(0);
    expect(h.out).toEqual([USAGE]);

    const m = io();
    expect(await main([], {}, m.io)).toBe(2);
    expect(m.err[0]).toContain('missing environment: DISCORD_APPLICATION_ID, DISCORD_TOKEN');
    expect(m.puts).toEqual([]);

    const bad = io();
    expect(await main([], { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'abc' }, bad.io)).toBe(2);
    expect(await main(['--frobnicate'], { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APP }, bad.io)).toBe(2);
    expect(bad.puts).toEqual([]);
  });

  it('--dry-run prints the request without a token', async () => {
    const d = io();
    expect(await main(['--dry-run'], { DISCORD_APPLICATION_ID: APP }, d.io)).toBe(0);
    expect(d.puts).toEqual([]);
    const [first, ...json] = d.out[0]!.split('\n');
    expect(first).toBe(`PUT /applications/${APP}/commands`);
    expect(JSON.parse(json.join('\n'))).toEqual(buildCommandBodies());
  });

  it('reports a failed PUT with exit code 1', async () => {
    const f = io();
    f.io.rest.put = async () => Promise.reject(new Error('401: Unauthorized'));
    expect(await main([], { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APP }, f.io)).toBe(1);
    expect(f.err).toEqual(['registration failed: 401: Unauthorized']);
  });
});
