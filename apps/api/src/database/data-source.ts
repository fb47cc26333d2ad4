import { DataSource, type DataSourceOptions } from 'typeorm';
import { InitialSchema1764806400000 } from './migrations/1764806400000-initial-schema';
import { AccessLogChains1764979200000 } from './migrations/1764979200000-access-log-chains';
import { PlainTextOrganisations1765065600000 } from './migrations/1765065600000-plain-text-organisations';
import { Incidents1765152000000 } from './migrations/1765152000000-incidents';
import { IncidentListSearch1765238400000 } from './migrations/1765238400000-incident-list-search';
import { IncidentListIndexes1765281600000 } from './migrations/1765281600000-incident-list-indexes';
import { Notifications1765324800000 } from './migrations/1765324800000-notifications';
import { ChainIncidents1765411200000 } from './migrations/1765411200000-chain-incidents';
import { NotificationPreferences1765497600000 } from './migrations/1765497600000-notification-preferences';
import { RegisterRecords1765584000000 } from './migrations/1765584000000-register-records';
import { ViewerLog1765670400000 } from './migrations/1765670400000-viewer-log';
import { ChainScenario1765756800000 } from './migrations/1765756800000-chain-scenario';
import { FiguresCountAlerts1766000000000 } from './migrations/1766000000000-figures-count-alerts';
import { ViewerLogEventsByAccount1766100000000 } from './migrations/1766100000000-viewer-log-events-by-account';

export const MIGRATIONS = [
  InitialSchema1764806400000,
  AccessLogChains1764979200000,
  PlainTextOrganisations1765065600000,
  Incidents1765152000000,
  IncidentListSearch1765238400000,
  IncidentListIndexes1765281600000,
  Notifications1765324800000,
  ChainIncidents1765411200000,
  NotificationPreferences1765497600000,
  RegisterRecords1765584000000,
  ViewerLog1765670400000,
  ChainScenario1765756800000,
  FiguresCountAlerts1766000000000,
  ViewerLogEventsByAccount1766100000000,
];

export interface DataSourceSettings {
  url: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/**
 * Connection options shared by the API and the command-line tools. Entities are not listed here: each feature
 * module registers its own (TypeOrmModule.forFeature); the tools speak SQL.
 */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Each migration in its own transaction: Ctrl-C half-way leaves the database at the last completed one.
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName ?? 'babyconnect-api',
    extra: {
      max: settings.poolMax ?? 10,
      // Also how long a request waits for a free pooled connection before it is answered SERVICE_UNAVAILABLE.
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
    },
  };
}

/** A data source for the command-line tools and tests (migrations, seed, verification). */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
export function describeConnectionError(error: unknown, url: string, setting = 'DATABASE_URL'): string {
  let where = 'the database';
  try {
    const parsed = new URL(url);
    where = `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'} (database "${parsed.pathname.slice(1)}", user "${decodeURIComponent(parsed.username)}")`;
  } catch {
    // keep the generic wording
  }
  const err = error as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Cannot reach ${where}: connection refused. Is PostgreSQL running there? Check ${setting}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${where}: the host name does not resolve. Check ${setting}.`;
    case '28P01':
    case '28000':
      return `${where} refused the login: wrong user or password. Check ${setting}.`;
    case '3D000':
      return `${where}: the database does not exist. Create it or check ${setting}.`;
    default:
      if (/timeout/i.test(err.message ?? ''))
        return `Cannot reach ${where}: no answer within the connect timeout. Check ${setting}.`;
      return `Cannot use ${where}: ${err.message ?? String(error)}`;
  }
}
