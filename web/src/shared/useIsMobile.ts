import { useSyncExternalStore } from 'react';

/** Phones: the layout swaps the side menu for a drawer and tables for cards at this width. */
const PHONE_QUERY = '(max-width: 768px)';

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(PHONE_QUERY);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
