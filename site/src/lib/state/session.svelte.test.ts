import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api/errors';

const mocks = vi.hoisted(() => ({
  getSession: vi.fn(),
  getProfile: vi.fn(),
  onAuthStateChange: vi.fn(),
}));

vi.mock('$lib/supabase', () => ({
  supabase: () => ({ auth: { onAuthStateChange: mocks.onAuthStateChange } }),
}));
vi.mock('$lib/api/auth', () => ({ getSession: mocks.getSession }));
vi.mock('$lib/api/profiles', () => ({ getProfile: mocks.getProfile }));

async function fresh() {
  vi.resetModules();
  return (await import('./session.svelte')).session;
}

const user = { id: 'u1', email: 'a@example.test', is_anonymous: false };

describe('session state', () => {
  beforeEach(() => {
    mocks.getSession.mockReset();
    mocks.getProfile.mockReset();
    mocks.onAuthStateChange.mockReset();
  });

  it('keeps a network failure while restoring as an error, not as signed out', async () => {
    mocks.getSession.mockRejectedValue(new ApiError('network', 'Could not reach the server.'));
    const session = await fresh();
    await session.ready();
    expect(session.status).toBe('error');
    expect(session.error?.kind).toBe('network');
    expect(mocks.onAuthStateChange).not.toHaveBeenCalled();
  });

  it('retries after a network failure and then restores the user and profile', async () => {
    mocks.getSession.mockRejectedValueOnce(new ApiError('network', 'down'));
    mocks.getSession.mockResolvedValue({ user });
    mocks.getProfile.mockResolvedValue({ id: 'u1', handle: 'alice', avatar_url: null });
    const session = await fresh();
    await session.ready();
    await session.retry();
    expect(session.status).toBe('ready');
    expect(session.user?.id).toBe('u1');
    expect(session.profile?.handle).toBe('alice');
    expect(session.displayName).toBe('alice');
    expect(mocks.onAuthStateChange).toHaveBeenCalledTimes(1);
  });

  it('is signed out when the server rejects the stored session (revoked refresh token)', async () => {
    mocks.getSession.mockRejectedValue(new ApiError('invalid', 'Invalid Refresh Token: Already Used', 400));
    const session = await fresh();
    await session.ready();
    expect(session.status).toBe('ready');
    expect(session.signedIn).toBe(false);
    expect(session.error).toBeNull();
  });

  it('is ready and signed out without a stored session', async () => {
    mocks.getSession.mockResolvedValue(null);
    const session = await fresh();
    await session.ready();
    expect(session.status).toBe('ready');
    expect(session.signedIn).toBe(false);
    expect(mocks.getProfile).not.toHaveBeenCalled();
  });

  it('does not treat a failed profile read as signed out', async () => {
    mocks.getSession.mockResolvedValue({ user: { ...user, is_anonymous: true } });
    mocks.getProfile.mockRejectedValue(new ApiError('network', 'down'));
    const session = await fresh();
    await session.ready();
    expect(session.signedIn).toBe(true);
    expect(session.isGuest).toBe(true);
    expect(session.profile).toBeNull();
  });
});
