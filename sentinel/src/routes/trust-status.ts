// The `trust` section of GET /status.
import { Type } from 'typebox';
import type { Queryable } from '../db/pool.ts';
import { trustFigures } from '../db/trust-status.ts';
import type { TrustStats } from '../trust/stats.ts';

export const TrustStatusSchema = Type.Object({
  /** Copies' iterations ÷ accepted chunks' iterations over the last hour (null: nothing accepted). */
  overhead: Type.Union([Type.Number(), Type.Null()]),
  replicatedIterationsLastHour: Type.Number(),
  usefulIterationsLastHour: Type.Number(),
  quarantinedNodes: Type.Union([Type.Integer(), Type.Null()]),
  /** Since this instance started. */
  replicasIssued: Type.Integer(),
  mismatches: Type.Integer(),
  invalidResults: Type.Integer(),
});

type TrustStatus = {
  overhead: number | null;
  replicatedIterationsLastHour: number;
  usefulIterationsLastHour: number;
  quarantinedNodes: number | null;
  replicasIssued: number;
  mismatches: number;
  invalidResults: number;
};

function fromStats(stats: TrustStats): Pick<TrustStatus, 'replicasIssued' | 'mismatches' | 'invalidResults'> {
  return {
    replicasIssued: stats.replicasIssued,
    mismatches: stats.mismatches,
    invalidResults: stats.invalidResults,
  };
}

export async function trustStatus(db: Queryable, stats: TrustStats): Promise<TrustStatus> {
  const f = await trustFigures(db);
  return {
    overhead: f.overhead,
    replicatedIterationsLastHour: f.replicatedIterations,
    usefulIterationsLastHour: f.usefulIterations,
    quarantinedNodes: f.quarantinedNodes,
    ...fromStats(stats),
  };
}

/** What /status shows when the database cannot be read. */
trustStatus.empty = (stats: TrustStats): TrustStatus => ({
  overhead: null,
  replicatedIterationsLastHour: 0,
  usefulIterationsLastHour: 0,
  quarantinedNodes: null,
  ...fromStats(stats),
});
