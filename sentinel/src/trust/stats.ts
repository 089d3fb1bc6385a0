// Counters of the trust machinery since this instance started (metrics and /status).
import type { TrustEffects } from '../events.ts';

export class TrustStats {
  replicasIssued = 0;
  replicatedIterations = 0;
  mismatches = 0;
  invalidResults = 0;
  nodesQuarantined = 0;
  resultsRerun = 0;
  resultsRechecked = 0;

  add(e: TrustEffects): void {
    this.replicasIssued += e.replicasIssued;
    this.replicatedIterations += e.replicatedIterations;
    this.mismatches += e.mismatches;
    this.invalidResults += e.invalidResults;
    this.nodesQuarantined += e.quarantined.length;
    this.resultsRerun += e.rerun;
    this.resultsRechecked += e.rechecked;
  }
}
