import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, errorMessage, describeIssues, isErrorCode, pickLocale, type Locale, type SchemaIssue } from '@e-cabinet/protocol';
import { AppError } from '../http/app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language for messages: the signed-in user's choice, else Accept-Language. */
    locale: Locale;
  }
  interface FastifyInstance {
    /** Set by client-static: answers unknown page URLs with the SPA, or returns false. */
    spaFallback: ((request: FastifyRequest, reply: FastifyReply) => boolean) | null;
  }
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, fields?: Record<string, string>) {
  return reply.status(status).send({
    code,
    message: errorMessage(code, request.locale),
    // Services name a field's problem by error code; the user reads it in their language.
    ...(fields && Object.keys(fields).length
      ? { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isErrorCode(v) ? errorMessage(v, request.locale) : v])) }
      : {}),
    requestId: request.id,
  });
}

/** JSON errors everywhere: `{ code, message, fields?, requestId }`, message in the user's language. */
export default fp(async (app) => {
  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
  });

  app.decorate('spaFallback', null);
  app.setNotFoundHandler((request, reply) => {
    if (app.spaFallback?.(request, reply)) return reply;
    return send(request, reply, 404, ErrorCode.NOT_FOUND);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return send(request, reply, error.statusCode, error.code, error.fields);
    }
    if (error.validation) {
      const context = error.validationContext ?? 'body';
      const fields = describeIssues(error.validation as unknown as SchemaIssue[], request.locale);
      const prefixed = context === 'body' ? fields : Object.fromEntries(Object.entries(fields).map(([k, v]) => [`/${context}${k === '/' ? '' : k}`, v]));
      return send(request, reply, 400, ErrorCode.VALIDATION, prefixed);
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(request, reply, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    if (status === 429) return send(request, reply, 429, ErrorCode.RATE_LIMITED);
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
      return send(request, reply, 400, ErrorCode.VALIDATION);
    }
    if (status >= 400 && status < 500) return send(request, reply, status, status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION);
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 500, ErrorCode.INTERNAL);
  });
}, { name: 'errors' });
