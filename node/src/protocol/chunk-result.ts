// ChunkResult on the wire: mirror of @wowlab/sim-core's ChunkResult (contracts), with limits;
// the samples travel encoded (samples.ts).
import { Type, type Static } from 'typebox';
import { encodedSamplesLength, encodeSamples } from './samples.ts';

/** Largest chunk a node may be given (and the largest sample array the sentinel accepts). */
export const MAX_CHUNK_ITERATIONS = 50_000;
export const MAX_ABILITIES = 256;
export const ABILITY_KEY_PATTERN = '^[a-z][a-z0-9_]{0,63}$';

export const AbilityStatsSchema = Type.Object(
  {
    damage: Type.Number({ minimum: 0 }),
    casts: Type.Integer({ minimum: 0 }),
    hits: Type.Integer({ minimum: 0 }),
    crits: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type AbilityStatsWire = Static<typeof AbilityStatsSchema>;

const resultFields = {
  engineVersion: Type.String({ minLength: 1, maxLength: 32 }),
  seedOffset: Type.Integer({ minimum: 0 }),
  iterations: Type.Integer({ minimum: 1, maximum: MAX_CHUNK_ITERATIONS }),
  n: Type.Integer({ minimum: 1, maximum: MAX_CHUNK_ITERATIONS }),
  mean: Type.Number(),
  m2: Type.Number({ minimum: 0 }),
  min: Type.Number(),
  max: Type.Number(),
  abilities: Type.Record(Type.String({ pattern: ABILITY_KEY_PATTERN }), AbilityStatsSchema, {
    maxProperties: MAX_ABILITIES,
    additionalProperties: false,
  }),
};
/** encodeSamples of the per-iteration DPS; the sentinel decodes it strictly (decodeSamples). */
const EncodedSamples = Type.String({ maxLength: encodedSamplesLength(MAX_CHUNK_ITERATIONS) });

/** A chunk result on the wire as nodes send it, and as the sentinel stores it (canonical JSON). */
export const ChunkResultSchema = Type.Object(
  { ...resultFields, samples: EncodedSamples },
  { additionalProperties: false },
);
export type ChunkResultWire = Static<typeof ChunkResultSchema>;

/**
 * What POST /chunks/complete accepts: also the samples as an array of numbers, as nodes sent
 * them before the encoding existed; the sentinel turns those into the encoded form
 * (normaliseResult), so a result has one canonical text and digest whichever way it came.
 */
export const ChunkResultInputSchema = Type.Object(
  {
    ...resultFields,
    samples: Type.Union([EncodedSamples, Type.Array(Type.Number(), { maxItems: MAX_CHUNK_ITERATIONS })]),
  },
  { additionalProperties: false },
);
export type ChunkResultInput = Static<typeof ChunkResultInputSchema>;

export function normaliseResult(result: ChunkResultInput): ChunkResultWire {
  return typeof result.samples === 'string'
    ? (result as ChunkResultWire)
    : toWireResult(result as ChunkResultValues);
}

/** A chunk result as sim-core returns it, samples as numbers. */
export type ChunkResultValues = Omit<ChunkResultWire, 'samples'> & { samples: ArrayLike<number> };

/** The wire form of a chunk result: the same fields, the samples encoded. */
export function toWireResult(result: ChunkResultValues): ChunkResultWire {
  return { ...result, samples: encodeSamples(result.samples) };
}
