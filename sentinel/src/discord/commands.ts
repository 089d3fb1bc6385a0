// The /wlab slash command: one definition table used by the router (which subcommands
// exist, which are admin-only, which reply privately) and by register.ts (the JSON body
// PUT to Discord). Adding a subcommand here without a handler is a type error in router.ts.
import { SlashCommandBuilder } from 'discord.js';
import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandSubcommandBuilder,
} from 'discord.js';

export const ROOT_COMMAND = 'wlab';

export interface SubcommandSpec {
  description: string;
  /** Refused (before the handler runs) unless the caller is a configured admin. */
  adminOnly: boolean;
  /** Replies carry personal or operational data: only the caller sees them. */
  ephemeral: boolean;
  /** Adds the subcommand's options to the builder. */
  options?: (sub: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder;
}

export const subcommands = {
  ping: { description: 'Check that the bot answers', adminOnly: false, ephemeral: true },
  about: { description: 'Sentinel version and uptime', adminOnly: false, ephemeral: false },
  stats: {
    description: 'Last hour: chunks, chunk time, iterations/s, jobs; nodes online now',
    adminOnly: false,
    ephemeral: false,
  },
  nodes: {
    description: 'Your nodes (admins: all nodes)',
    adminOnly: false,
    ephemeral: true,
    options: (sub) =>
      sub.addStringOption((o) =>
        o
          .setName('scope')
          .setDescription('Whose nodes to list (default: all for admins, yours otherwise)')
          .addChoices({ name: 'mine', value: 'mine' }, { name: 'all (admins)', value: 'all' }),
      ),
  },
  jobs: { description: 'Your recent jobs: status, progress, DPS', adminOnly: false, ephemeral: true },
  job: {
    description: "One job's progress or result",
    adminOnly: false,
    ephemeral: true,
    options: (sub) =>
      sub.addStringOption((o) =>
        o.setName('id').setDescription('Job id (uuid)').setRequired(true).setMinLength(36).setMaxLength(36),
      ),
  },
  drain: {
    description: 'Admin: stop assigning to a node and let its chunks finish',
    adminOnly: true,
    ephemeral: true,
    options: (sub) =>
      sub.addStringOption((o) =>
        o
          .setName('node')
          .setDescription('Node id (uuid) or exact node name')
          .setRequired(true)
          .setMaxLength(100),
      ),
  },
  'pause-scheduling': {
    description: 'Admin: stop assigning chunks to nodes',
    adminOnly: true,
    ephemeral: true,
  },
  'resume-scheduling': {
    description: 'Admin: resume assigning chunks to nodes',
    adminOnly: true,
    ephemeral: true,
  },
} satisfies Record<string, SubcommandSpec>;

export type SubcommandName = keyof typeof subcommands;

export function isSubcommandName(name: string): name is SubcommandName {
  return Object.hasOwn(subcommands, name);
}

export function getSubcommand(name: SubcommandName): SubcommandSpec {
  return subcommands[name];
}

/** The application command bodies to register (one chat-input command with subcommands). */
export function buildCommandBodies(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const root = new SlashCommandBuilder()
    .setName(ROOT_COMMAND)
    .setDescription('wowlab: volunteer World of Warcraft simulations');
  for (const [name, spec] of Object.entries(subcommands) as Array<[SubcommandName, SubcommandSpec]>) {
    root.addSubcommand((sub) => {
      const base = sub.setName(name).setDescription(spec.description);
      return spec.options ? spec.options(base) : base;
    });
  }
  return [root.toJSON()];
}
