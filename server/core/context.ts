/**
 * What a service needs to know about the call it serves: who, from where, which request.
 * Routes build it from the request; jobs and the CLI build a system one.
 */
import type { Actor } from './rbac/actor.js';
import type { Locale } from './i18n/messages.js';

export interface CallContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

export const systemContext = (requestId: string | null = null): CallContext => ({
  actor: null,
  ip: null,
  requestId,
  locale: 'zh-CN',
});
