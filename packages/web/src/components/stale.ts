import { createContext, useContext } from 'react';

/**
 * Why the result on screen is out of date (the trust rules), or null when it answers the form.
 * Downloads, sharing and saving read it: an out-of-date result must not leave the page.
 */
export const StaleReason = createContext<string | null>(null);

export function useStaleReason(): string | null {
  return useContext(StaleReason);
}
