// The Supabase client's fetch: offline, a request fails at once. postgrest-js retries a failed
// fetch with growing delays (1 s, 2 s, 4 s...), which left data pages blank for ~15 s before the
// offline notice; an abort is the one failure it never retries, so an offline request is
// rejected as one, with a message the site's error mapping reads as "network".
export function offlineAwareFetch(
  online: () => boolean = () => typeof navigator === 'undefined' || navigator.onLine !== false,
  base: typeof fetch = (input, init) => fetch(input, init),
): typeof fetch {
  return (input, init) => {
    if (!online()) {
      const err = new Error('Failed to fetch: this browser is offline');
      err.name = 'AbortError';
      return Promise.reject(err);
    }
    return base(input, init);
  };
}
