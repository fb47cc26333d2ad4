import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PublicRoute } from '../auth/public-route.decorator';

/** Liveness (the process answers) and readiness (database reachable, migrations applied): no token needed. */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @PublicRoute()
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicRoute()
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks = { database: 'error' as 'ok' | 'error', migrations: 'pending' as 'ok' | 'pending' | 'unknown' };
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = 'ok';
      checks.migrations = (await this.pendingMigrations()) ? 'pending' : 'ok';
    } catch {
      checks.migrations = 'unknown';
    }
    const ready = checks.database === 'ok' && checks.migrations === 'ok';
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'error', checks };
  }

  /**
   * Reads the migrations table instead of calling DataSource.showMigrations(): that one tries to create the
   * table (the app role may not, so an unmigrated database read as 'unknown') and, when it fails, never releases
   * its pooled connection, so every probe leaked one until the pool was exhausted.
   */
  private async pendingMigrations(): Promise<boolean> {
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    const [{ present }] = (await this.dataSource.query('SELECT to_regclass($1) IS NOT NULL AS present', [table])) as [
      { present: boolean },
    ];
    const applied = present
      ? new Set(
          ((await this.dataSource.query(`SELECT name FROM "${table}"`)) as { name: string }[]).map((row) => row.name),
        )
      : new Set<string>();
    return this.dataSource.migrations.some((migration) => !applied.has(migration.name ?? migration.constructor.name));
  }
}
