// This tab's node: whether the browser can run one, the phase the page shows for the node client's state,
// and the name and platform it registers under.
import type { ClientState } from 'wowlab-node';
import type { Phase } from './channel';

export function phaseOf(state: ClientState): Phase {
  switch (state) {
    case 'idle':
      return 'starting';
    case 'registering':
      return 'connecting';
    // An unclaimed (guest) node takes public work while "waiting for a claim".
    case 'waiting-for-claim':
    case 'contributing':
      return 'contributing';
    case 'reconnecting':
      return 'reconnecting';
    case 'stopping':
      return 'stopping';
    case 'stopped':
      return 'off';
  }
}

/** This browser can run a node: Web Workers, IndexedDB and WebCrypto in a secure context. */
export function canContribute(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof indexedDB !== 'undefined' &&
    typeof crypto !== 'undefined' &&
    !!crypto.subtle &&
    window.isSecureContext
  );
}

export function platformName(): string {
  const ua = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return (ua?.platform || navigator.platform || 'browser').slice(0, 48);
}

export function tabName(): string {
  return `Browser tab (${platformName()})`.slice(0, 64);
}
