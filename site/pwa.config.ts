// The PWA: web app manifest + a Workbox service worker (generateSW) that precaches the app
// shell, every client asset and the simulation worker, and serves the shell for any
// navigation so the site opens offline. Updates wait for the user ("a new version is
// available — reload", src/lib/components/PwaStatus.svelte), never skip waiting by themselves.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';

export const THEME_COLOR = '#0f1115';

/**
 * `kitOutDir`: SvelteKit's outDir (svelte.config.js): the precache and version.json are read from
 * that build's output, not from a default build's (the e2e build has its own outDir).
 */
export function pwaPlugin(kitOutDir = '.svelte-kit') {
  const out = resolve(fileURLToPath(new URL('.', import.meta.url)), kitOutDir);
  return SvelteKitPWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    filename: 'sw.js',
    manifest: {
      name: 'wowlab — World of Warcraft sims',
      short_name: 'wowlab',
      description:
        'Simulate World of Warcraft DPS in your browser; contribute a tab to run sims for everyone.',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: THEME_COLOR,
      theme_color: THEME_COLOR,
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    kit: {
      outDir: out,
      // CSR-only app: every route boots from the same shell, precached as '/'.
      adapterFallback: '/',
      spa: { fallbackMapping: '/' },
    },
    workbox: {
      globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,woff2}'],
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      navigateFallback: '/',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
    devOptions: { enabled: false },
  });
}
