// POST /profiles/parse — public: SimulationCraft-style profile text in, the config (and its
// profileset variants, job options, ignored lines, warnings) out, as the sim builder and
// `wowlab-node sim` read it. Scripts pass the config and variants to create_job. A profile's
// problems are a 400 listing them all by line; nothing pasted is a 500. Rate-limited per
// address; a profile's size is capped by sim-core's MAX_PROFILE_CHARS.
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import createError from '@fastify/error';
import {
  ENGINE_VERSION,
  MAX_PROFILE_CHARS,
  parseProfile,
  ProfileError,
  problemText,
  type ParsedProfile,
} from '@wowlab/sim-core';
import { ErrorResponseSchema } from 'wowlab-node/protocol';
import { RateLimiter } from '../auth/replay-guard.ts';
import { clientAddress } from '../plugins/register-limit.ts';

/** Parses per address: a few per second, bursts of 10 (a script submitting a batch of profiles). */
const PARSE_PER_SECOND = 2;
const PARSE_BURST = 10;

const ProfileInvalid = createError('WL_ERR_PROFILE', '%s', 400);
const ParseRateLimited = createError(
  'WL_ERR_RATE_LIMITED',
  'too many profiles from this address; wait a moment',
  429,
);

const ParseRequestSchema = Type.Object(
  { text: Type.String({ maxLength: MAX_PROFILE_CHARS }) },
  { additionalProperties: false },
);
const LineSchema = Type.Object({ line: Type.Integer(), text: Type.String(), reason: Type.String() });
const ParseResponseSchema = Type.Object({
  name: Type.Union([Type.String(), Type.Null()]),
  config: Type.Unknown(),
  options: Type.Object({
    iterations: Type.Optional(Type.Number()),
    targetError: Type.Optional(Type.Number()),
  }),
  ignored: Type.Array(LineSchema),
  /** Lines used, with something to know (a rotation's no-op action, a stat read from a Gear Summary comment…). */
  warnings: Type.Array(LineSchema),
  variants: Type.Array(Type.Object({ name: Type.String(), config: Type.Unknown() })),
});

const profileRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const limiter = new RateLimiter(PARSE_PER_SECOND, PARSE_BURST);

  app.post(
    '/profiles/parse',
    {
      schema: {
        body: ParseRequestSchema,
        response: { 200: ParseResponseSchema, 400: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request) => {
      // per client address: behind a proxy (CLIENT_IP_HEADER), request.ip is the proxy's, shared by all
      if (!limiter.take(clientAddress(request, app.config.trust), Date.now())) throw new ParseRateLimited();
      let p: ParsedProfile;
      try {
        p = parseProfile(request.body.text, ENGINE_VERSION);
      } catch (err) {
        if (err instanceof ProfileError) throw new ProfileInvalid(err.problems.map(problemText).join('; '));
        // anything else is a bug of sim-core's on this text: logged as one, while whoever
        // pasted it is told their text could not be read rather than given a server error
        request.log.error(
          { err, chars: request.body.text.length },
          'parseProfile failed on a pasted profile',
        );
        throw new ProfileInvalid('this profile could not be read');
      }
      return {
        name: p.name,
        config: p.config,
        // SimulationCraft's target_error is in percent; create_job takes a fraction of the mean
        options: {
          ...(p.options.iterations === undefined ? {} : { iterations: p.options.iterations }),
          ...(p.options.targetError === undefined ? {} : { targetError: p.options.targetError / 100 }),
        },
        ignored: p.ignored.map(lineOf),
        warnings: p.warnings.map(lineOf),
        variants: p.profilesets,
      };
    },
  );
};

const lineOf = (l: { line: number; text: string; reason: string }) => ({
  line: l.line,
  text: l.text,
  reason: l.reason,
});

export default profileRoutes;
