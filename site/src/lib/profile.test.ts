import { describe, expect, it } from 'vitest';
import { checkHandle, normalizeHandle } from './profile';

describe('handles', () => {
  it('normalizes case and a leading @', () => {
    expect(normalizeHandle('  @Alice_1 ')).toBe('alice_1');
  });

  it('accepts what the database constraint accepts and rejects the rest', () => {
    expect(checkHandle('alice')).toBeNull();
    expect(checkHandle('Alice-2')).toBeNull();
    expect(checkHandle('ab')).not.toBeNull();
    expect(checkHandle('-alice')).not.toBeNull();
    expect(checkHandle('a'.repeat(33))).not.toBeNull();
    expect(checkHandle('al ice')).not.toBeNull();
  });
});
