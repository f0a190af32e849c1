import { useState } from 'react';

/**
 * The week shown above a book's timeline: the one the page opens on (this week, the latest)
 * unless another was opened from the timeline, which scrolls back up to show it.
 */
export function useOpenWeek(home: string | undefined) {
  const [picked, setPicked] = useState<string>();
  const open = (week: string) => {
    setPicked(week === home ? undefined : week);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };
  return { week: picked ?? home, open, back: () => setPicked(undefined) };
}
