/**
 * Moving a team between this browser (IndexedDB) and an account's project: the same document
 * both ways, so a team opened on another computer shows the same numbers. The browser copy
 * stays the working copy: offline, or when the server refuses, nothing local is lost.
 */
import { ApiError, apiFetch } from '../../lib/api';
import type { Team, TeamRemote, TeamSettings } from '../../lib/team-store';

export interface ProjectOption {
  id: string;
  name: string;
  archivedAt?: string | null;
  ownerId?: string;
}

export interface RemoteTeamSummary {
  id: string;
  name: string;
  source: Team['source'];
  sample: boolean;
  fileName: string | null;
  itemCount: number;
  weeks: number;
  version: number;
  updatedAt: string;
}

export interface RemoteTeam extends RemoteTeamSummary {
  items: Team['items'];
  throughput: number[];
  rejected: Team['rejected'];
  settings: TeamSettings;
}

/** The server keeps at most this many rejected rows (the engine lists no more either). */
const MAX_REJECTED = 500;

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/teams`;

/** Large teams take a while to upload on a slow line; a hung request still ends. */
const TIMEOUT_MS = 120_000;

export function teamBody(team: Team, version?: number) {
  return {
    name: team.name,
    sample: team.sample,
    source: team.source,
    fileName: team.fileName,
    items: team.items,
    throughput: team.throughput,
    rejected: team.rejected.slice(0, MAX_REJECTED),
    settings: team.settings ?? {},
    ...(version !== undefined ? { version } : {}),
  };
}

export const teamSyncApi = {
  projects: async (): Promise<ProjectOption[]> =>
    (await apiFetch<{ items: ProjectOption[] }>('/api/projects')).items,
  list: async (projectId: string): Promise<RemoteTeamSummary[]> =>
    (await apiFetch<{ items: RemoteTeamSummary[] }>(base(projectId))).items,
  get: (projectId: string, id: string) =>
    apiFetch<RemoteTeam>(`${base(projectId)}/${encodeURIComponent(id)}`, {
      timeoutMs: TIMEOUT_MS,
    }),
};

/**
 * Saves the team in the project: a new copy the first time (or when the project copy was
 * deleted meanwhile), otherwise a replacement naming the version last seen, so someone else's
 * newer save is refused (409) instead of overwritten.
 */
export async function saveToProject(team: Team, project: ProjectOption): Promise<TeamRemote> {
  const linked = team.remote?.projectId === project.id ? team.remote : undefined;
  let saved: RemoteTeam | null = null;
  if (linked) {
    try {
      saved = await apiFetch<RemoteTeam>(
        `${base(project.id)}/${encodeURIComponent(linked.teamId)}`,
        {
          method: 'PUT',
          body: teamBody(team, linked.version),
          timeoutMs: TIMEOUT_MS,
        },
      );
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
  }
  saved ??= await apiFetch<RemoteTeam>(base(project.id), {
    method: 'POST',
    body: teamBody(team),
    timeoutMs: TIMEOUT_MS,
  });
  return {
    projectId: project.id,
    projectName: project.name,
    teamId: saved.id,
    version: saved.version,
    savedAt: saved.updatedAt,
  };
}

/** The browser copy of a project's team, linked to it so the next save replaces it. */
export function localFromRemote(
  remote: RemoteTeam,
  project: ProjectOption,
  localId: string | undefined,
): Omit<Team, 'id' | 'updatedAt'> & { id?: string } {
  return {
    ...(localId ? { id: localId } : {}),
    name: remote.name,
    sample: remote.sample,
    source: remote.source,
    fileName: remote.fileName,
    items: remote.items,
    throughput: remote.throughput,
    rejected: remote.rejected,
    settings: remote.settings,
    remote: {
      projectId: project.id,
      projectName: project.name,
      teamId: remote.id,
      version: remote.version,
      savedAt: remote.updatedAt,
    },
  };
}
