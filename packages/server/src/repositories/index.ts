import type { Db } from '../db/client';
import { usersRepository } from './users';
import { sessionsRepository } from './sessions';
import { apiTokensRepository } from './api-tokens';
import { passwordResetsRepository } from './password-resets';
import { projectsRepository } from './projects';
import { forecastsRepository } from './forecasts';
import { actualsRepository } from './actuals';
import { deliveriesRepository } from './deliveries';
import { connectionsRepository } from './connections';
import { teamsRepository } from './teams';
import { loginFailuresRepository } from './login-failures';

export function createRepositories(db: Db) {
  return {
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    apiTokens: apiTokensRepository(db),
    passwordResets: passwordResetsRepository(db),
    projects: projectsRepository(db),
    forecasts: forecastsRepository(db),
    actuals: actualsRepository(db),
    deliveries: deliveriesRepository(db),
    connections: connectionsRepository(db),
    teams: teamsRepository(db),
    loginFailures: loginFailuresRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { Viewer } from './visibility';
