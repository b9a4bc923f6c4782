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

/** Sections a feature adds to the project page (deliveries, …), given the project's id. */
export interface ProjectSectionProps {
  projectId: string;
}

const projectSections: ComponentType<ProjectSectionProps>[] = [];

export function addProjectSection(component: ComponentType<ProjectSectionProps>): void {
  if (!projectSections.includes(component)) projectSections.push(component);
}

export function getProjectSections(): readonly ComponentType<ProjectSectionProps>[] {
  return projectSections;
}
