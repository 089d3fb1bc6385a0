// KeyStore on disk: node.key beside config.ini, the base64url Ed25519 seed, mode 0600.
import { chmod, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeSeed,
  encodeSeed,
  generateSeed,
  publicKeyFromSeed,
  signerFromSeed,
} from '../protocol/index.ts';
import type { NodeSigner } from '../protocol/index.ts';
import type { KeyStore } from '../client/types.ts';
import { ConfigFileError, KEY_FILE } from './config-ini.ts';

export class FileKeyStore implements KeyStore {
  readonly path: string;
  private signer: Promise<NodeSigner> | null = null;

  constructor(readonly dir: string) {
    this.path = join(dir, KEY_FILE);
  }

  getOrCreate(): Promise<NodeSigner> {
    this.signer ??= this.loadOrCreate().catch((err) => {
      this.signer = null;
      throw err;
    });
    return this.signer;
  }

  /** The stored public key, or null when there is no key yet. */
  async publicKey(): Promise<Uint8Array | null> {
    const seed = await this.readSeed();
    return seed ? publicKeyFromSeed(seed) : null;
  }

  /** Deletes the key: the next run is a new node. */
  async remove(): Promise<boolean> {
    this.signer = null;
    try {
      await stat(this.path);
    } catch {
      return false;
    }
    await rm(this.path, { force: true });
    return true;
  }

  private async loadOrCreate(): Promise<NodeSigner> {
    const existing = await this.readSeed();
    if (existing) return signerFromSeed(existing);
    const seed = generateSeed();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      // 'wx': never overwrite a key another process created meanwhile.
      const handle = await open(this.path, 'wx', 0o600);
      try {
        await handle.writeFile(encodeSeed(seed) + '\n');
      } finally {
        await handle.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigFileError(`cannot write ${this.path}: ${(err as Error).message}`);
      }
      const raced = await this.readSeed();
      if (!raced) throw new ConfigFileError(`${this.path} is not a valid key file`);
      return signerFromSeed(raced);
    }
    return signerFromSeed(seed);
  }

  private async readSeed(): Promise<Uint8Array | null> {
    let text: string;
    try {
      const info = await stat(this.path);
      if (info.size > 1024) throw new ConfigFileError(`${this.path} is not a valid key file`);
      // Tighten permissions of a key someone copied around with a looser mode.
      if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(this.path, 0o600);
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if (err instanceof ConfigFileError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ConfigFileError(`cannot read ${this.path}: ${(err as Error).message}`);
    }
    const seed = decodeSeed(text.trim());
    if (!seed)
      throw new ConfigFileError(`${this.path} is not a valid key file (expected a base64url Ed25519 seed)`);
    return seed;
  }
}
