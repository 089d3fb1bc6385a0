// The portal is a client-rendered app: the session lives in the browser (supabase-js storage).
export const ssr = false;
export const prerender = false;
