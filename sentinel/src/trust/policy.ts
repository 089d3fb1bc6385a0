// Trust policy, pure: who is trusted, which results are re-run, who may run a replica.
// No I/O; the random source is injected (tests seed it).
import type { TrustSettings } from './settings.ts';

/** Uniform in [0, 1). */
export type RandomSource = () => number;

export const cryptoRandom: RandomSource = () => {
  const [a] = crypto.getRandomValues(new Uint32Array(1));
  return a! / 0x1_0000_0000;
};

/** Deterministic source for tests (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/**
 * Stratified sampling: out of every block of round(1000 / permille) draws exactly one is
 * picked, at a uniformly random position. Each draw is picked with probability 1/block (as
 * Bernoulli sampling would), but the count over n draws is within one of n/block, so the
 * replication overhead is what was configured, not a random walk around it.
 */
export class SampleStream {
  readonly block: number;
  private index = 0;
  private pick = 0;

  constructor(
    permille: number,
    private readonly random: RandomSource,
  ) {
    this.block = permille <= 0 ? 0 : Math.max(1, Math.round(1000 / permille));
  }

  /** Draws made so far (a draw's number, to give it back). */
  private drawn = 0;

  next(): boolean {
    this.drawn++;
    if (this.block === 0) return false;
    if (this.block === 1) return true;
    if (this.index === 0) this.pick = Math.min(this.block - 1, Math.floor(this.random() * this.block));
    const hit = this.index === this.pick;
    this.index = (this.index + 1) % this.block;
    return hit;
  }

  /** The number the next draw gets. */
  get position(): number {
    return this.drawn;
  }

  /**
   * Takes back draw number `position` when no draw came after it (a result drawn for ahead
   * of time turned out not to need one), so it goes to the next result instead. A draw that
   * was followed by others stays taken: rare, and it only shifts one block by one result.
   */
  giveBack(position: number): void {
    if (this.drawn !== position + 1) return;
    this.drawn--;
    if (this.block > 1) this.index = (this.index + this.block - 1) % this.block;
  }
}

/** A sampling draw made before the completion knows whether it needs one (TrustJudge's fast path). */
export interface Draw {
  hit: boolean;
  stream: SampleStream;
  position: number;
  used: boolean;
}

export interface NodeTrust {
  id: string;
  userId: string | null;
  /** Unclaimed, or owned by an anonymous (guest) account. */
  guest: boolean;
  trustStreak: number;
  quarantined: boolean;
  /** An operator's platform node (nodes.platform_node): trusted by construction for every job. */
  platform: boolean;
}

/** Who a node belongs to: its user, or the node itself when nobody claimed it. */
export function ownerKey(node: { id: string; userId: string | null }): string {
  return node.userId ?? node.id;
}

export function isTrusted(node: NodeTrust, settings: TrustSettings): boolean {
  return !node.quarantined && node.trustStreak >= settings.threshold;
}

/**
 * Trusted by construction for a job of `jobUserId`: the job owner's own compute (their nodes and
 * tab), the nodes of the users the owner shared this sim with (`grantees`, a `user` sim: the
 * owner's own choice, for their own sim only) and the operator's platform nodes. Nothing else
 * is; everyone else earns trust against these.
 */
export function isAnchor(
  node: { userId: string | null; platform: boolean },
  jobUserId: string,
  grantees: readonly string[] = NO_GRANTEES,
): boolean {
  if (node.platform) return true;
  return node.userId !== null && (node.userId === jobUserId || grantees.includes(node.userId));
}

/** Distinct owners that must have failed (or lost) a chunk before a failure can fail its job. */
export const FAIL_CONFIRMATIONS = 2;

/**
 * Whether a failure (a /chunks/fail report, or a node vanishing with the chunk) confirms that the
 * chunk cannot run: with replication on, only when the reporter is compute trusted by
 * construction for the job (`anchor`: the owner's node or tab, a grantee's, a platform node); a
 * job failure is the last word on a job, as an arbiter's verdict is, and an earned-trusted node
 * may have turned (one trusted account's node failing what four free guests failed before it
 * killed any public job, and nothing samples a failure). The simulation is deterministic: a chunk
 * that really fails fails there too (the owner's tab runs its own sim while its page is open).
 * Without replication every node is taken at its word, once nodes of FAIL_CONFIRMATIONS owners
 * failed it.
 */
export function confirmsFailure(anchor: boolean, owners: number, settings: TrustSettings): boolean {
  if (anchor) return true;
  return !settings.replication && owners >= FAIL_CONFIRMATIONS;
}

/**
 * The attempts of a chunk that count toward the limit a confirmed failure or loss fails its job
 * at: with replication on, only those on compute trusted by construction for the job
 * (`anchored`, jobs_chunks.anchored_attempts), since free unclaimed nodes failing a newcomer's
 * chunk four times, then one transient error on the newcomer's tab or its closing, failed the job
 * (transient-tab-error.test.ts, closed-tab.test.ts); without replication, every attempt.
 */
export function attemptsSpent(attempts: number, anchored: number, settings: TrustSettings): number {
  return settings.replication ? anchored : attempts;
}

const NO_GRANTEES: readonly string[] = Object.freeze([]);

/** The users a job's owner granted its nodes' trust: those it is shared with, for a `user` sim only. */
export function granteesOf(access: string, sharedWith: readonly string[] | undefined): readonly string[] {
  return access === 'user' && sharedWith ? sharedWith : NO_GRANTEES;
}

export type ReplicaRole = 'primary' | 'replica' | 'arbiter';

export class TrustPolicy {
  private readonly registered: SampleStream;
  private readonly guests: SampleStream;

  constructor(
    readonly settings: TrustSettings,
    random: RandomSource = cryptoRandom,
  ) {
    this.registered = new SampleStream(settings.replicationPermille, random);
    this.guests = new SampleStream(Math.max(1, settings.guestReplicationPermille), random);
  }

  /**
   * Whether a result `node` returned for a job of `jobUserId` must be re-run by another
   * node: never for the job owner's own nodes, always for untrusted nodes and on a smart sim
   * (`smart`), else sampled.
   */
  shouldReplicate(
    node: NodeTrust,
    jobUserId: string,
    ahead: Draw | null = null,
    grantees: readonly string[] = NO_GRANTEES,
    smart = false,
  ): boolean {
    if (!this.settings.replication) return false;
    if (isAnchor(node, jobUserId, grantees)) return false;
    // a smart sim stops where its results say: a trusted liar's flat results (true mean, no
    // spread) would stop it early for good, so none counts on an earned node's word alone
    if (smart || !isTrusted(node, this.settings)) return true;
    if (ahead) {
      ahead.used = true;
      return ahead.hit;
    }
    return (node.guest ? this.guests : this.registered).next();
  }

  /**
   * Whether an agreement that rests on an earned-trusted node's word (evidence 'independent': no
   * compute trusted by construction in the family) is audited by one more replica of a third
   * owner instead of being accepted (judge.ts).
   * Drawn from the registered nodes' stream at the same floor as their originals: a trusted node
   * vouches with a confirmation as much as with a result of its own, so an accomplice that is
   * honest on its originals and echoes its partners' lies as a replica is sampled too.
   */
  auditConfirmation(): boolean {
    if (!this.settings.replication) return false;
    return this.registered.next();
  }

  /**
   * A draw ahead of time for a node last seen trusted (`guest` as last seen): the completion
   * can then accept on trust in one statement when the draw misses. null when nothing would
   * be drawn (replication off).
   */
  drawAhead(guest: boolean): Draw | null {
    if (!this.settings.replication) return null;
    const stream = guest ? this.guests : this.registered;
    const position = stream.position;
    return { hit: stream.next(), stream, position, used: false };
  }

  /** Gives back a draw ahead that the completion did not use. */
  release(draw: Draw | null): void {
    if (draw && !draw.used) draw.stream.giveBack(draw.position);
  }
}

/** A connected node as the scheduler's trust gate sees it. */
export interface GateNode extends NodeTrust {
  /** A platform node, or listed in TRUST_ADMIN_NODE_IDS: may arbitrate anyone's chunks. */
  admin: boolean;
  /**
   * Chunks of other users' jobs it holds now, plus (once it has a proven lie on record) its
   * results on them still awaiting a verdict: slow start counts them.
   */
  foreignHeld: number;
}

export interface GateChunk {
  jobUserId: string;
  /** A `user` sim: the users its owner shared it with (their nodes are trusted for it). */
  grantees?: readonly string[];
  role: ReplicaRole;
  excludeOwners: readonly string[];
  /** An audit replica: checks an agreement that rests on an earned-trusted node's word. */
  audit?: boolean;
}

/**
 * Whether `chunk` is reserved for `node` over every other node: an audit goes to compute trusted
 * by construction for its job (a platform node, the job owner's, a grantee's) whenever such a node
 * is connected and may run it — waiting for it while it is full. Given to the earned-trusted third
 * owner with the most free slots, an attacker's second trusted account took most audits of its
 * partners' echoed lies (caught about 1 in 100 instead of the floor's 1 in 10). Without one
 * connected the audit goes to a third owner, drawn per owner (scheduler/match.ts).
 */
export function reservedFor(chunk: GateChunk, node: GateNode): boolean {
  return chunk.audit === true && isAnchor(node, chunk.jobUserId, chunk.grantees);
}

/**
 * May `node` run `chunk` now? Quarantined nodes run nothing; the job owner's nodes and platform
 * nodes run any copy they are not excluded from; excluded owners (the nodes whose
 * results a replica checks) never; a replica only on the job owner's node or a registered
 * user's node (never a guest's); an arbiter only on the job owner's node or an admin node
 * (platform nodes, TRUST_ADMIN_NODE_IDS); slow start: an untrusted node holds one chunk of others' jobs at a time.
 */
export function mayRun(chunk: GateChunk, node: GateNode, settings: TrustSettings): boolean {
  if (node.quarantined) return false;
  // exclusions hold whatever the replication setting: owners that failed a chunk retry it never
  if (chunk.excludeOwners.includes(ownerKey(node))) return false;
  if (!settings.replication) return true;
  if (isAnchor(node, chunk.jobUserId, chunk.grantees)) return true;
  const trusted = isTrusted(node, settings);
  if (!trusted && node.foreignHeld >= 1) return false;
  if (chunk.role === 'replica') return !node.guest;
  // the last word in a dispute (what is published, who is penalised) belongs to compute trusted
  // by construction only: an earned-trusted node may have turned (a sleeper)
  if (chunk.role === 'arbiter') return node.admin;
  return true;
}
