import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../rbac/actor.js';
import type { Locale } from '../i18n/messages.js';
import type { CallContext } from '../context.js';
import type { AppDeps } from '../deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The Fastify instance every route file receives: zod schemas type the handlers. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export type { CallContext };
