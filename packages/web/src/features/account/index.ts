/**
 * The account features as the shell uses them: the session provider behind `useSession()`,
 * the header menu, and the "Save" slot under every forecast result.
 */
import { createElement, lazy, Suspense } from 'react';
import { setSaveSlot, type SaveSlotProps } from '../../lib/slots';

export { AccountProvider, useAccount, type Account } from './session';
export { AccountMenu } from './AccountMenu';

// The save form (and its project list) loads only when a result is on screen.
const LazySaveSlot = lazy(() => import('./forecasts/SaveSlot'));

function SaveSlot(props: SaveSlotProps) {
  return createElement(Suspense, { fallback: null }, createElement(LazySaveSlot, props));
}

export function registerAccountSlots(): void {
  setSaveSlot(SaveSlot);
}
