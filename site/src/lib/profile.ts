// Handle rules (pure), the same as the user_profiles.handle CHECK constraint.
export const HANDLE_RE = /^[a-z0-9][a-z0-9_-]{2,31}$/;

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

export function checkHandle(handle: string): string | null {
  if (!HANDLE_RE.test(normalizeHandle(handle))) {
    return 'A handle has 3 to 32 lowercase letters, digits, "-" or "_", starting with a letter or digit.';
  }
  return null;
}
