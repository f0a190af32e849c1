import { useEffect } from 'react';
import { useIsFetching, useIsMutating, useQueryClient } from '@tanstack/react-query';

/**
 * `data-idle` on <html> while no query is fetching and no mutation is running: a settled signal for anything that drives
 * the app (the walk, e2e/walk.ts), cheaper and surer than waiting out a quiet network. A page whose data has arrived
 * may mount a child that asks for more in the same commit, after this render counted none: the count is read again,
 * live, once that commit's effects have run.
 */
export function IdleMark() {
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const queryClient = useQueryClient();
  useEffect(() => {
    const root = document.documentElement;
    if (fetching || mutating) {
      root.removeAttribute('data-idle');
      return;
    }
    const id = setTimeout(() => {
      if (!queryClient.isFetching() && !queryClient.isMutating()) root.setAttribute('data-idle', '');
    }, 0);
    return () => clearTimeout(id);
  }, [fetching, mutating, queryClient]);
  return null;
}
