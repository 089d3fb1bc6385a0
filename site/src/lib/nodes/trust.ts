// How a node's trust reads on the nodes page (pure). The sentinel decides trust; see
// sentinel/docs/trust.md — these are its columns on `nodes`, explained for the owner.
import type { NodeRow } from '$lib/api/types';

/** The sentinel's default TRUST_THRESHOLD: confirmed results in a row before a node is trusted. */
export const DEFAULT_TRUST_THRESHOLD = 10;

export type TrustState = 'quarantined' | 'trusted' | 'unverified';

export interface NodeTrust {
  state: TrustState;
  /** Badge text. */
  label: string;
  /** One sentence for the owner. */
  explanation: string;
}

type TrustColumns = Pick<NodeRow, 'trust_streak' | 'mismatches' | 'quarantined_at' | 'platform_node'>;

export function nodeTrust(node: TrustColumns, threshold = DEFAULT_TRUST_THRESHOLD): NodeTrust {
  if (node.quarantined_at) {
    return {
      state: 'quarantined',
      label: 'quarantined',
      explanation:
        "Quarantined: this node's results disagreed with other nodes' results repeatedly, so it gets no more work.",
    };
  }
  if (node.platform_node) {
    return {
      state: 'trusted',
      label: 'platform node',
      explanation:
        "Trusted by construction: the operator runs it. It verifies volunteers' results on every sim it may run.",
    };
  }
  const streak = Math.max(0, Math.trunc(node.trust_streak || 0));
  if (streak >= threshold) {
    return {
      state: 'trusted',
      label: 'trusted',
      explanation: 'Trusted: only a small random sample of its results is re-run by other nodes.',
    };
  }
  const left = threshold - streak;
  return {
    state: 'unverified',
    label: 'trusted for your sims',
    explanation:
      'Your own sims trust it by construction (your computer, your sims). ' +
      (node.mismatches > 0 ? 'A result of this node disagreed with a reference; ' : '') +
      `On other players' sims each result is checked by a platform node or a trusted node of another owner until ${left} more ${left === 1 ? 'result is' : 'results are'} confirmed in a row.`,
  };
}
