import type { ComponentType } from 'react';

/**
 * Extension points filled by the account pages without this code knowing them: a "Save" button
 * next to the results of every forecast.
 */
export interface SaveSlotProps {
  kind: string;
  input: unknown;
  result: unknown;
}

let saveSlot: ComponentType<SaveSlotProps> | null = null;

export function setSaveSlot(component: ComponentType<SaveSlotProps> | null): void {
  saveSlot = component;
}

export function getSaveSlot(): ComponentType<SaveSlotProps> | null {
  return saveSlot;
}
