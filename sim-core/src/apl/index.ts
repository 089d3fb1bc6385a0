/** The rotation language: SimulationCraft-style action priority lists (see docs/rotation-language.md). */
export { RotationError, APL_LIMITS } from './errors.ts';
export { parseRotation } from './parser.ts';
export { compileRotation } from './compile.ts';
export { APL_IDLE, APL_WAIT, resolverFromVocabulary } from './context.ts';
export { DEFAULT_LIST, PRECOMBAT_LIST } from './syntax.ts';
export { NOOP_ACTIONS } from './simc-names.ts';
export type { AplNameKind, AplResolver, AplState, AplVocabulary, CompiledRotation } from './context.ts';
export type * from './ast.ts';
