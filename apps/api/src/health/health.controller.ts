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
      checks.migrations = (await this.dataSource.showMigrations()) ? 'pending' : 'ok';
    } catch {
      checks.migrations = 'unknown';
    }
    const ready = checks.database === 'ok' && checks.migrations === 'ok';
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'error', checks };
  }
}
