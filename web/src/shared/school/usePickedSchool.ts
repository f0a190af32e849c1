import { useState } from 'react';
import { useMySchool } from './api';

/**
 * The school a school-wide page shows: the one picked in SchoolSelect, else the user's first.
 * Most users oversee one school; a county office oversees several.
 */
export function usePickedSchool() {
  const me = useMySchool();
  const schools = me.data?.schools ?? [];
  const [picked, setPicked] = useState<string>();
  return { schools, schoolId: picked ?? schools[0]?.id, pick: setPicked, loading: me.isLoading };
}
