// The API's own code, loaded from its build output (dist/api, CommonJS), for the parts of the benchmark that must
// run exactly what the API runs: the incident list's SQL (incidentListSql), the register's (registerSql) and a
// valid stored incident state.
// Loaded from the build, not the sources: the benchmark measures that build, and Node cannot run the sources'
// decorators and extensionless imports as they are.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Repository = typeof import('../../apps/api/src/incidents/incidents.repository.ts');
type Domain = typeof import('../../libs/domain/src/index.ts');
type StateMapper = typeof import('../../apps/api/src/incidents/incident-state.mapper.ts');
type RegisterRepository = typeof import('../../apps/api/src/register/register.repository.ts');

/** The list's query object, as the API's service hands it to the repository. */
export type IncidentListQuery = Parameters<Repository['incidentListSql']>[1];

export interface ApiBuild {
  incidentListSql: Repository['incidentListSql'];
  /** The register's one statement (its exports read it through a cursor). */
  registerSql: RegisterRepository['registerSql'];
  reportBreach: Domain['reportBreach'];
  toStoredState: StateMapper['toStoredState'];
  fromStoredState: StateMapper['fromStoredState'];
  /** Hours before the AP deadline at which the clock reads "due soon". */
  dueSoonHours: number;
}

export function loadApiBuild(rootDir: string): ApiBuild {
  const dist = join(rootDir, 'dist/api');
  const repositoryFile = join(dist, 'apps/api/src/incidents/incidents.repository.js');
  if (!existsSync(repositoryFile)) throw new Error(`${repositoryFile} is missing: build the API (nx run api:build).`);
  const require = createRequire(import.meta.url);
  // Nest's decorators in the repository's module write metadata through reflect-metadata, as in the API.
  require('reflect-metadata');
  const repository = require(repositoryFile) as Repository;
  const domain = require(join(dist, 'libs/domain/src/index.js')) as Domain;
  const mapper = require(join(dist, 'apps/api/src/incidents/incident-state.mapper.js')) as StateMapper;
  const register = require(join(dist, 'apps/api/src/register/register.repository.js')) as RegisterRepository;
  if (typeof repository.incidentListSql !== 'function') {
    throw new Error('dist/api: incidents.repository has no exported incidentListSql (rebuild the API).');
  }
  if (typeof register.registerSql !== 'function') {
    throw new Error('dist/api: register.repository has no exported registerSql (rebuild the API).');
  }
  return {
    incidentListSql: repository.incidentListSql,
    registerSql: register.registerSql,
    reportBreach: domain.reportBreach,
    toStoredState: mapper.toStoredState,
    fromStoredState: mapper.fromStoredState,
    dueSoonHours: domain.AP_DUE_SOON_HOURS,
  };
}
