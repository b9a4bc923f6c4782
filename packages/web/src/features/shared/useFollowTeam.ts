import { useEffect, useRef, useState } from 'react';
import type { HistoryWindowNote } from '@flow-forecaster/engine';
import { useLocation } from '../../lib/router';

export interface PickedWeeks {
  used: number[];
  note: HistoryWindowNote;
}

/**
 * A forecast form follows the current team, as a coach expects once a team is loaded: the
 * weeks the form samples are the team's weeks in the window the select shows, never the
 * example numbers under a select that names a window it is not using.
 *
 * - A form still holding the example throughput takes the team's weeks as soon as the team is
 *   there (not a form restored from a share link: that one shows the sender's result).
 * - A form whose weeks came from a team (`formNote` set) takes the new weeks whenever they
 *   change: another window picked, another team chosen, the team's data re-imported. The form
 *   changes, so a result on screen is marked out of date like after any other input change.
 * - Weeks typed by hand (no note, not the example) are left alone.
 */
export function useFollowTeam(
  picked: PickedWeeks | null,
  {
    formNote,
    untouched,
    onUse,
  }: {
    formNote: HistoryWindowNote | null | undefined;
    /** The form still holds the page's example throughput. */
    untouched: boolean;
    onUse: (weekly: number[], note: HistoryWindowNote) => void;
  },
): void {
  const query = useLocation().query;
  const [fromLink] = useState(() => query.has('s'));
  const key = picked && picked.used.length > 0 ? JSON.stringify(picked) : null;
  // The weeks last seen: only a change after the first look moves a form that follows a team.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (key === null || picked === null || seen.current === key) return;
    const first = seen.current === null;
    seen.current = key;
    const follows = formNote !== null && formNote !== undefined;
    if ((untouched && !(first && fromLink)) || (follows && !first)) {
      onUse(picked.used, picked.note);
    }
  }, [key, picked, formNote, untouched, onUse, fromLink]);
}
