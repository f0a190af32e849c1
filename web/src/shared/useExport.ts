import { useState } from 'react';
import { useShowError } from './errors';

/**
 * A download started from a button: the button spins while it runs, and a failure is said
 * as a message (there is no form to mark).
 */
export function useExport(): [exporting: boolean, run: (download: () => Promise<unknown>) => Promise<void>] {
  const showError = useShowError();
  const [exporting, setExporting] = useState(false);
  const run = async (download: () => Promise<unknown>) => {
    setExporting(true);
    try {
      await download();
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };
  return [exporting, run];
}
