// Coded errors (one place) and the single error handler.
import createError from '@fastify/error';
import type { FastifyError, FastifyInstance } from 'fastify';

export const Errors = {
  Unauthorized: createError('WL_ERR_UNAUTHORIZED', 'request signature rejected: %s', 401),
  UnknownNode: createError('WL_ERR_UNKNOWN_NODE', 'unknown node key: register first', 401),
  NodeDeleted: createError(
    'WL_ERR_NODE_DELETED',
    'this node was deleted by its owner on the site; start it with a new identity to contribute again',
    410,
  ),
  Replayed: createError('WL_ERR_REPLAYED', 'request signature already used', 401),
  RateLimited: createError('WL_ERR_RATE_LIMITED', 'too many requests for this node key', 429),
  ConfigNotAvailable: createError(
    'WL_ERR_CONFIG_NOT_AVAILABLE',
    'config not found or no running chunk of it',
    404,
  ),
  InvalidResult: createError('WL_ERR_INVALID_RESULT', 'chunk result rejected: %s', 422),
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(statusCode).send({
        statusCode,
        code: statusCode === 503 && error.code ? error.code : 'WL_ERR_INTERNAL',
        error: statusCode === 503 ? 'Service Unavailable' : 'Internal Server Error',
        message: statusCode === 503 ? error.message : 'internal error',
      });
    }
    const code = error.validation ? 'WL_ERR_VALIDATION' : (error.code ?? 'WL_ERR_BAD_REQUEST');
    request.log.info({ code, statusCode }, error.message);
    return reply.status(statusCode).send({
      statusCode,
      code,
      error: statusCode === 401 ? 'Unauthorized' : statusCode === 404 ? 'Not Found' : 'Bad Request',
      message: error.message,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ statusCode: 404, code: 'WL_ERR_NOT_FOUND', error: 'Not Found', message: 'no such route' }),
  );
}
