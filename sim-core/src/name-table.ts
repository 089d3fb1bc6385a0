/**
 * Tables looked up by names a player types (an option of a pasted profile, a name in a rotation):
 * frozen and without a prototype, so that `constructor`, `toString` or `__proto__` is no key of
 * them and reads as any unknown name does, never as one of Object's own members.
 */
export function nameTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
