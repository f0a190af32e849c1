import { useCallback, useRef } from 'react';

/** A random key for one write, so a retry after a dropped connection is not applied twice. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  // getRandomValues works on plain-http deployments too, where randomUUID is unavailable.
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per intended write. Pressing save again after a failure (a dropped
 * mine or village network) resends the same key with the same body, so the server applies
 * it at most once; changed content is a new write and gets a new key (the server rejects a
 * key reused for a different body).
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  /** After a success the next save is a new write, even with the same words. */
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
