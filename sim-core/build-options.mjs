/**
 * How the engine's code is shaped when it ships: the esbuild options the volunteer node's bundle
 * (node/build.mjs) is built with, and that the benchmark (bench/shipped.mjs) builds the engine with
 * so that it measures that code. `minifySyntax` folds module-level constants (event types,
 * priorities, limits) into the code that uses them: unfolded, Node 20's V8 loads and checks each
 * one at every use.
 */
export const ENGINE_BUILD_OPTIONS = Object.freeze({
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
});
