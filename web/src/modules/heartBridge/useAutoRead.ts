import { useEffect, useRef } from 'react';
import type { Note } from './api';
import { useMarkRead } from './api';

/**
 * Opening a page on which the other side has written is reading it: the receipt is stamped
 * once per version of their words (new words from them clear the receipt on the server).
 */
export function useAutoRead(note: Note | undefined, as: 'school' | 'home') {
  const mark = useMarkRead();
  const done = useRef(new Set<string>());
  const other = as === 'home' ? note?.school : note?.home;
  const mine = as === 'home' ? note?.canWriteHome : note?.canWriteSchool;
  const readAt = as === 'home' ? note?.readByHomeAt : note?.readBySchoolAt;
  const id = note && other ? `${note.studentId}|${note.week}|${other.writtenAt}|${as}` : undefined;
  useEffect(() => {
    if (!note || !id || !mine || readAt || done.current.has(id)) return;
    done.current.add(id);
    mark.mutate({ studentId: note.studentId, week: note.week, by: as });
  }, [id, mine, readAt, note, as, mark]);
}
