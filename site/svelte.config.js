// SvelteKit config: Node adapter so one build serves any deployment (env read at runtime).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// WOWLAB_SITE_OUT=<name> builds into .svelte-kit/<name>/ (server in .svelte-kit/<name>/build), so
// the browser-test build does not collide with a concurrent default build.
const out = process.env.WOWLAB_SITE_OUT;
const isolated = out && /^[a-z0-9-]+$/.test(out) ? `.svelte-kit/${out}` : null;

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: isolated ? `${isolated}/build` : 'build' }),
    ...(isolated ? { outDir: isolated } : {}),
    // Absolute asset URLs: an offline/app-shell HTML served for any path must still find /_app/.
    paths: { relative: false },
  },
};

export default config;
