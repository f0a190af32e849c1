import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './weeks';

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
