// Node sharing form (pure): rows ⇄ form, parsing and validation of user/Discord lists.
import type { NodePermission } from '$lib/api/types';

export interface PermissionsForm {
  public: boolean;
  /** handles (or user ids), separated by commas, spaces or new lines */
  users: string;
  /** Discord server ids, separated by commas, spaces or new lines */
  discord: string;
}

export const MAX_TARGETS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HANDLE = /^[a-z0-9][a-z0-9_-]{2,31}$/i;
const DISCORD_ID = /^\d{17,20}$/;

export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

export function formFromRows(rows: NodePermission[], handles: Map<string, string>): PermissionsForm {
  const users: string[] = [];
  const discord: string[] = [];
  let pub = false;
  for (const r of rows) {
    if (r.access_type === 'public') pub = true;
    else if (r.access_type === 'user' && r.target_id) users.push(handles.get(r.target_id) ?? r.target_id);
    else if (r.access_type === 'discord' && r.target_id) discord.push(r.target_id);
  }
  return { public: pub, users: users.join(', '), discord: discord.join(', ') };
}

export interface ParsedPermissions {
  /** user entries that still need resolving to ids (handles) */
  handles: string[];
  userIds: string[];
  discordIds: string[];
  public: boolean;
  problems: string[];
}

export function parseForm(form: PermissionsForm): ParsedPermissions {
  const problems: string[] = [];
  const handles: string[] = [];
  const userIds: string[] = [];
  for (const u of splitList(form.users)) {
    if (isUuid(u)) userIds.push(u.toLowerCase());
    else if (HANDLE.test(u)) handles.push(u.toLowerCase());
    else problems.push(`"${u}" is not a valid handle.`);
  }
  const discordIds: string[] = [];
  for (const d of splitList(form.discord)) {
    if (DISCORD_ID.test(d)) discordIds.push(d);
    else problems.push(`"${d}" is not a Discord server id (17 to 20 digits).`);
  }
  if (handles.length + userIds.length > MAX_TARGETS) problems.push(`At most ${MAX_TARGETS} users.`);
  if (discordIds.length > MAX_TARGETS) problems.push(`At most ${MAX_TARGETS} Discord servers.`);
  return { handles, userIds, discordIds, public: form.public, problems };
}

/** The rows to insert once handles are resolved (`resolved`: handle → user id). */
export function rowsFromParsed(
  nodeId: string,
  parsed: ParsedPermissions,
  resolved: Map<string, string>,
): { rows: NodePermission[]; problems: string[] } {
  const problems: string[] = [];
  const ids = new Set(parsed.userIds);
  for (const h of parsed.handles) {
    const id = resolved.get(h.toLowerCase());
    if (id) ids.add(id);
    else problems.push(`No user with the handle "${h}".`);
  }
  const rows: NodePermission[] = [];
  if (parsed.public) rows.push({ node_id: nodeId, access_type: 'public', target_id: null });
  for (const id of ids) rows.push({ node_id: nodeId, access_type: 'user', target_id: id });
  for (const d of parsed.discordIds) rows.push({ node_id: nodeId, access_type: 'discord', target_id: d });
  return { rows, problems };
}

export function summarize(rows: NodePermission[]): string {
  const parts: string[] = [];
  if (rows.some((r) => r.access_type === 'public')) parts.push('public');
  const u = rows.filter((r) => r.access_type === 'user').length;
  const d = rows.filter((r) => r.access_type === 'discord').length;
  if (u) parts.push(`${u} user${u > 1 ? 's' : ''}`);
  if (d) parts.push(`${d} Discord server${d > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : 'only me';
}

export const NODE_NAME_MAX = 64;
export const MAX_PARALLEL_LIMIT = 256;

export function checkNodeEdit(name: string, maxParallel: number, totalCores: number | null): string[] {
  const problems: string[] = [];
  const n = name.trim();
  if (n.length < 1 || n.length > NODE_NAME_MAX)
    problems.push(`The name must have 1 to ${NODE_NAME_MAX} characters.`);
  const cap = totalCores && totalCores > 0 ? Math.min(totalCores, MAX_PARALLEL_LIMIT) : MAX_PARALLEL_LIMIT;
  if (!Number.isInteger(maxParallel) || maxParallel < 1 || maxParallel > cap) {
    problems.push(`Max parallel must be a whole number from 1 to ${cap}.`);
  }
  return problems;
}

export function normalizeClaimCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export interface ClaimRequest {
  code: string;
  /** null: the node keeps the name it announced. */
  name: string | null;
  /** null: the node keeps its own max_parallel (the cores it announced). */
  maxParallel: number | null;
}

/** The claim form's fields, checked: blank name and max parallel keep the node's own. */
export function claimRequest(
  code: string,
  name: string,
  maxParallel: number | string | null,
): { problems: string[]; request: ClaimRequest } {
  const c = normalizeClaimCode(code);
  const n = name.trim();
  const blank = maxParallel === null || maxParallel === '' || Number.isNaN(maxParallel);
  const mp = blank ? null : Number(maxParallel);
  const problems = checkNodeEdit(n === '' ? 'node' : n, mp ?? 1, null);
  if (c.length < 6 || c.length > 64) problems.push('Enter the claim code shown by the node.');
  return { problems, request: { code: c, name: n === '' ? null : n, maxParallel: mp } };
}

/** A browser tab's node offline this long is folded away on the nodes page. */
export const STALE_TAB_MS = 7 * 86_400_000;

/**
 * The nodes page's list: current nodes as cards, and browser tabs offline for over a week
 * apart (each browser or cleared profile made one; they would pile up as identical cards).
 */
export function splitStaleTabs<T extends { kind: string; status: string; last_seen_at: string | null }>(
  nodes: readonly T[],
  now = Date.now(),
): { current: T[]; staleTabs: T[] } {
  const current: T[] = [];
  const staleTabs: T[] = [];
  for (const n of nodes) {
    const seen = n.last_seen_at ? Date.parse(n.last_seen_at) : 0;
    if (n.kind === 'browser' && n.status === 'offline' && now - seen > STALE_TAB_MS) staleTabs.push(n);
    else current.push(n);
  }
  return { current, staleTabs };
}
