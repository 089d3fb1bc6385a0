// KeyStore kept in memory (tests, guest tabs that need no persistent identity).
import { generateSeed, signerFromSeed } from '../protocol/index.ts';
import type { NodeSigner } from '../protocol/index.ts';
import type { KeyStore } from './types.ts';

export class MemoryKeyStore implements KeyStore {
  private signer: Promise<NodeSigner> | null = null;

  constructor(private readonly seed: Uint8Array = generateSeed()) {}

  getOrCreate(): Promise<NodeSigner> {
    this.signer ??= signerFromSeed(this.seed);
    return this.signer;
  }
}
