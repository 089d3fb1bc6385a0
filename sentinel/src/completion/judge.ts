// Judging chunk results under replication (sentinel/docs/trust.md). Called inside the
// completion transaction instead of a plain store: stores the result with its digest, then
//   primary  → accept on trust (job owner's node, or a trusted node not sampled), or issue
//              a replica for a node of another owner;
//   replica  → same digest as the primary: both verified; else an arbiter copy is issued
//              (a replica run on the job owner's own node arbitrates at once);
//   arbiter  → its digest is the reference: copies that agree are verified, the others
//              invalid (their nodes lose their streak, count a mismatch, may be quarantined,
//              and what they contributed unverified is recomputed, completed jobs too).
// A chunk counts on its job once, when its family first gets an accepted result.
import { penalizeNodes, rerunUnverified } from '../db/trust-nodes.ts';
import {
  acceptOnTrust,
  applyOwedNow,
  insertReplica,
  lockCompletedJob,
  lockFamily,
  setVerdicts,
  storeResult,
  type FamilyRow,
  type ResultIdentity,
  type StoredResult,
} from '../db/trust-results.ts';
import { AcceptBatcher } from './accept-batcher.ts';
import type { Db, DbClient } from '../db/pool.ts';
import { noEffects, type TrustEffects } from '../events.ts';
import type { CanonicalResult } from '../trust/digest.ts';
import { isAnchor, isTrusted, ownerKey, type Draw, type TrustPolicy } from '../trust/policy.ts';

export interface JudgedCompletion {
  jobId: string;
  configHash: string;
  claimedMs: number | null;
  /** This completion gave the job's last chunk its accepted result (known at once when batched). */
  lastChunk: boolean;
  /**
   * Judged in a transaction, this completion counted a chunk on its job at COMMIT (setVerdicts):
   * whether that was the job's last is read after the commit (jobFullyCounted).
   */
  counted: boolean;
  /** A recheck of a completed job's published result was judged: re-merge it (correctJob). */
  recheck: boolean;
  effects: TrustEffects;
}

const MAX_EXCLUDED = 16;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].slice(-MAX_EXCLUDED);
}

export function familyOwner(r: FamilyRow): string | null {
  return r.nodeId === null ? null : (r.nodeUserId ?? r.nodeId);
}

/** An earned-trusted node (streak at the threshold, not quarantined, claimed). */
function earned(r: FamilyRow, threshold: number): boolean {
  return r.nodeUserId !== null && !r.nodeQuarantined && r.nodeTrustStreak >= threshold;
}

/**
 * How much a result agreeing with `ref` says about the node that sent `r`, for a job of
 * `jobUserId`: 'anchor' when `ref` comes from compute trusted by construction (a platform node
 * or the job owner's own), 'independent' when from an earned-trusted node of a third owner
 * (neither `r`'s owner nor the job's), else 'none' (the two could be one person).
 */
function evidence(
  ref: FamilyRow,
  r: FamilyRow,
  jobUserId: string,
  threshold: number,
  grantees: readonly string[] = [],
): 'anchor' | 'independent' | 'none' {
  if (ref.id === r.id || ref.nodeId === null) return 'none';
  if (isAnchor({ userId: ref.nodeUserId, platform: ref.nodePlatform }, jobUserId, grantees)) return 'anchor';
  const owner = familyOwner(ref);
  if (earned(ref, threshold) && owner !== familyOwner(r) && owner !== jobUserId) return 'independent';
  return 'none';
}

/**
 * Whether agreeing with `ref` raises `r`'s trust: only a platform node or an earned-trusted node
 * of a third owner vouches for trust used on others' jobs. The job owner's own node decides what
 * is published on the owner's job, but never makes anyone trusted (its owner could farm that).
 */
export function raisesTrust(ref: FamilyRow, r: FamilyRow, jobUserId: string, threshold: number): boolean {
  if (ref.id === r.id || ref.nodeId === null) return false;
  if (ref.nodePlatform) return true;
  return evidence(ref, r, jobUserId, threshold) === 'independent';
}

/**
 * Whether `ref`, a result already settled when `r` came (a copy answering after its family was
 * resolved, a refused late answer), is a reference for `r`: only a platform node's. An
 * earned-trusted node's result accepted on trust was checked by nobody, and a trusted liar's
 * would frame the honest answer it disagrees with (settled-copy / late-honest tests).
 */
export function settledReference(
  ref: FamilyRow,
  r: FamilyRow,
  jobUserId: string,
  threshold: number,
): boolean {
  return ref.nodePlatform && raisesTrust(ref, r, jobUserId, threshold);
}

const NO_EFFECTS: TrustEffects = Object.freeze({
  ...noEffects(),
  quarantined: Object.freeze([]) as unknown as string[],
});

const SEEN_MAX = 100_000;

export class TrustJudge {
  /** How each node looked at its last completion here: whether to draw for it ahead of time. */
  private readonly seen = new Map<string, { trusted: boolean; guest: boolean }>();
  /** One-statement completions (completeAtOnce); none without a database (judging only). */
  private readonly batcher: AcceptBatcher | null;

  constructor(
    readonly policy: TrustPolicy,
    /** batchDb: the one-statement completions' own connection (createAcceptPool), else db. */
    opts: { db?: Db; batchDb?: Db; onBatchError?: (err: unknown) => void } = {},
  ) {
    const { replication, threshold } = policy.settings;
    const batchDb = opts.batchDb ?? opts.db;
    this.batcher = batchDb
      ? new AcceptBatcher(batchDb, { replication, threshold }, opts.onBatchError ?? (() => {}))
      : null;
  }

  /** Batches of one-statement completions sent so far, and completions accepted in them. */
  get batching(): { batches: number; accepted: number } {
    return { batches: this.batcher?.batches ?? 0, accepted: this.batcher?.accepted ?? 0 };
  }

  /** Notes how the node looks now; returns whether it is trusted. */
  private remember(
    nodeId: string,
    node: { trustStreak: number; quarantined: boolean; guest: boolean; platform: boolean },
  ): boolean {
    if (this.seen.size >= SEEN_MAX && !this.seen.has(nodeId)) this.seen.clear();
    const trusted = isTrusted({ id: nodeId, userId: null, ...node }, this.policy.settings);
    this.seen.set(nodeId, { trusted, guest: node.guest });
    return trusted;
  }

  /**
   * The common case in one autocommitted statement, batched with others arriving meanwhile:
   * an original accepted on trust (see acceptBatch). `done` when it was; else `ahead` is the
   * draw made for it, to hand to complete() in a transaction (which gives it back if unused).
   */
  async completeAtOnce(
    id: ResultIdentity,
    canonical: CanonicalResult,
  ): Promise<{ done: JudgedCompletion; ahead: null } | { done: null; ahead: Draw | null }> {
    if (!this.batcher) throw new Error('TrustJudge.completeAtOnce needs the database (opts.db)');
    const last = this.seen.get(id.nodeId);
    const ahead = last?.trusted ? this.policy.drawAhead(last.guest) : null;
    const accepted = await this.batcher.accept({
      id,
      canonical,
      acceptIfTrusted: ahead !== null && !ahead.hit,
    });
    if (!accepted) return { done: null, ahead };
    const trusted = this.remember(id.nodeId, accepted.node);
    // A trusted node's draw decided the acceptance; the owner's own node needs none.
    if (ahead && !accepted.own && trusted) ahead.used = true;
    this.policy.release(ahead);
    return {
      done: {
        jobId: accepted.jobId,
        configHash: accepted.configHash,
        claimedMs: accepted.claimedMs,
        lastChunk: accepted.last,
        counted: false,
        recheck: false,
        effects: NO_EFFECTS,
      },
      ahead: null,
    };
  }

  /**
   * Stores and judges a completion inside the caller's transaction; null when the chunk does
   * not run on that node (or mismatches it). `ahead`: the draw completeAtOnce made, if any.
   */
  async complete(
    client: DbClient,
    id: ResultIdentity,
    canonical: CanonicalResult,
    ahead: Draw | null = null,
  ): Promise<JudgedCompletion | null> {
    try {
      return await this.judgeStored(client, id, canonical, ahead);
    } finally {
      this.policy.release(ahead);
    }
  }

  private async judgeStored(
    client: DbClient,
    id: ResultIdentity,
    canonical: CanonicalResult,
    ahead: Draw | null,
  ): Promise<JudgedCompletion | null> {
    const row = await storeResult(client, id, canonical);
    if (!row) return null;
    this.remember(id.nodeId, row.node);
    const effects = noEffects();
    const counted =
      row.role === 'primary'
        ? await this.primary(client, row, effects, ahead)
        : await this.copy(client, row, effects);
    const recheck = row.role === 'arbiter' && row.jobStatus === 'completed';
    return {
      jobId: row.jobId,
      configHash: row.configHash,
      claimedMs: row.claimedMs,
      lastChunk: false,
      counted,
      recheck,
      effects,
    };
  }

  private async primary(
    client: DbClient,
    row: StoredResult,
    effects: TrustEffects,
    ahead: Draw | null,
  ): Promise<boolean> {
    if (this.policy.shouldReplicate(row.node, row.jobUserId, ahead, row.jobGrantees, row.jobSmart)) {
      await this.issue(
        client,
        row.chunkId,
        'replica',
        union(row.excludeOwners, [ownerKey(row.node)]),
        effects,
      );
      return false;
    }
    return acceptOnTrust(client, row.chunkId, row.node.id, row.jobId, row.iterations);
  }

  private async issue(
    client: DbClient,
    primaryId: string,
    role: 'replica' | 'arbiter',
    exclude: string[],
    effects: TrustEffects,
    audit = false,
  ): Promise<void> {
    const copy = await insertReplica(client, primaryId, role, exclude, audit);
    if (!copy) return;
    effects.replicasIssued++;
    effects.replicatedIterations += copy.iterations;
  }

  private async copy(client: DbClient, row: StoredResult, effects: TrustEffects): Promise<boolean> {
    const family = await lockFamily(client, row.replicaOf!);
    const me = family.find((r) => r.id === row.chunkId);
    const primary = family.find((r) => r.role === 'primary');
    if (!me || !primary) return false;
    const accepted = family.find((r) => r.verdict === 'trusted' || r.verdict === 'verified');
    if (accepted) {
      // Resolved meanwhile: this copy is judged against the accepted result, nothing more; a
      // mismatch is a proven lie only against a settledReference.
      await this.judge(
        client,
        [me],
        accepted,
        row.jobUserId,
        family,
        effects,
        row.iterations,
        true,
        null,
        true,
      );
      return false;
    }
    if (primary.status !== 'completed' || primary.digest === null) return false;
    const threshold = this.policy.settings.threshold;
    if (row.role === 'replica' && !isAnchor(row.node, row.jobUserId, row.jobGrantees)) {
      if (me.digest === primary.digest) {
        // Agreement counts only when one side is compute the other could not have coordinated
        // with: trusted by construction, or earned-trusted and of a third owner.
        const weight = (r: FamilyRow) =>
          evidence(r, r === me ? primary : me, row.jobUserId, threshold, row.jobGrantees);
        // After an audit (a second replica, below) the agreement is the new copy's word alone:
        // the audited node's vouching is what is being checked.
        const audit = family.some((r) => r.role === 'replica' && r.id !== me.id);
        const ref = (audit ? [me] : [primary, me]).find((r) => weight(r) !== 'none');
        if (ref && weight(ref) === 'independent' && this.policy.auditConfirmation()) {
          // An earned-trusted node's word is sampled like its own results (an accomplice echoing
          // its partner's lie as a replica): the sampled agreement is checked by one more replica,
          // an audit, of a third owner — compute trusted by construction whenever one is connected
          // (the scheduler reserves audits for it), so a second accomplice cannot take it; a lie
          // then meets the truth and goes to an arbiter.
          const parties = family.map(familyOwner).filter((k): k is string => k !== null);
          await this.issue(client, primary.id, 'replica', union(row.excludeOwners, parties), effects, true);
          return false;
        }
        if (ref) {
          const agreeing = family.filter(
            (r) => r.status === 'completed' && r.verdict === null && r.digest === primary.digest,
          );
          // counted on the job in the same statement (the job row first, then nodes: the lock
          // order of every completion)
          return this.judge(client, agreeing, ref, row.jobUserId, family, effects, row.iterations, true, {
            jobId: row.jobId,
            iterations: row.iterations,
          });
        }
        // Two nodes nobody vouches for agree: no evidence, ask a third party.
      } else {
        effects.mismatches++;
      }
      if (!family.some((r) => r.role === 'arbiter' && r.verdict === null && r.status !== 'failed')) {
        const parties = [familyOwner(primary), familyOwner(me)].filter((k): k is string => k !== null);
        await this.issue(client, primary.id, 'arbiter', union(row.excludeOwners, parties), effects);
      }
      return false;
    }
    // An arbiter, or compute trusted by construction for this job (the owner's node, a platform
    // node): its result is the reference. On a completed job it rechecks a published result
    // (the job is already counted; the caller re-merges it).
    const open = family.filter((r) => r.status === 'completed' && r.verdict === null && r.digest !== null);
    if (open.some((r) => r.digest !== me.digest) && row.role === 'replica') effects.mismatches++;
    // a recheck credits back what was taken when its node was caught, but raises no streak:
    // a caught node does not earn its way back on its own old results
    if (row.jobStatus === 'completed') {
      await lockCompletedJob(client, row.jobId);
      await this.judge(client, open, me, row.jobUserId, family, effects, row.iterations, false);
      return false;
    }
    return this.judge(client, open, me, row.jobUserId, family, effects, row.iterations, true, {
      jobId: row.jobId,
      iterations: row.iterations,
    });
  }

  /**
   * Verdicts against a reference row's digest: agreeing copies verified and credited (their
   * streak grows only when the reference vouches for them, see raisesTrust), others invalid.
   */
  private async judge(
    client: DbClient,
    rows: FamilyRow[],
    ref: FamilyRow,
    jobUserId: string,
    family: FamilyRow[],
    effects: TrustEffects,
    iterations: number,
    raise = true,
    /** Counts the chunk on its job at COMMIT (setVerdicts); the result says whether it did. */
    count: { jobId: string; iterations: number } | null = null,
    /** `ref` was settled before these rows came: a mismatch is a proven lie only under settledReference. */
    settled = false,
  ): Promise<boolean> {
    const reference = ref.digest!;
    const threshold = this.policy.settings.threshold;
    // Only rows whose verdict this transaction actually set count: a concurrent re-run of a
    // caught node's results may have dropped one of them meanwhile (it then neither earns
    // credit nor costs its node a mismatch, and a mismatch always has its invalid row).
    // Agreeing rows are credited in the same statement (their streak grows only when the
    // reference vouches for them).
    const { set: setIds } = await setVerdicts(
      client,
      rows.map((r) =>
        r.digest === reference
          ? {
              id: r.id,
              verdict: 'verified' as const,
              ...(r.nodeId === null
                ? {}
                : {
                    credit: {
                      nodeId: r.nodeId,
                      iterations,
                      streak: raise && raisesTrust(ref, r, jobUserId, threshold) ? 1 : 0,
                    },
                  }),
            }
          : { id: r.id, verdict: 'invalid' as const },
      ),
      count,
    );
    const set = new Set(setIds);
    const invalid = rows.filter((r) => r.digest !== reference && set.has(r.id));
    // A proven lie needs a reference nobody can bend: a platform node or an earned-trusted third
    // owner. The job owner's own node decides what its job publishes, but its word alone never
    // penalises a volunteer (an owner could otherwise quarantine honest nodes from their own jobs).
    const cheaters = [
      ...new Set(
        invalid
          .filter((r) => (settled ? settledReference : raisesTrust)(ref, r, jobUserId, threshold))
          .map((r) => r.nodeId)
          .filter((n): n is string => n !== null),
      ),
    ];
    const counted = count !== null;
    if (cheaters.length === 0) return counted;
    effects.invalidResults += invalid.length;
    // the credit and count owed first: the lock order of every completion (job, nodes, profiles),
    // and the counts the re-run below takes back are the applied ones
    await applyOwedNow(client);
    await penalise(client, cheaters, this.policy.settings.quarantineAfter, family, effects);
    return counted;
  }
}

/**
 * Proven lies (against a reference raisesTrust accepts): each node's streak to 0, a mismatch more,
 * quarantine at `quarantineAfter`, and what it contributed unverified recomputed (rows of `family`,
 * being judged now, left alone). Whatever the transaction owes must be applied first (applyOwedNow).
 */
export async function penalise(
  client: DbClient,
  cheaters: string[],
  quarantineAfter: number,
  family: readonly FamilyRow[],
  effects: TrustEffects,
): Promise<void> {
  const penalized = await penalizeNodes(client, cheaters, quarantineAfter);
  const skip = family.map((r) => r.id);
  for (const node of penalized) {
    if (node.newlyQuarantined) effects.quarantined.push(node.id);
    const out = await rerunUnverified(
      client,
      { id: node.id, userId: node.userId, quarantined: node.quarantined },
      skip,
    );
    effects.rerun += out.rerun;
    effects.rechecked += out.rechecked;
  }
}
