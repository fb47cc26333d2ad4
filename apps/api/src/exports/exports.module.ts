import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { RegisterModule } from '../register/register.module';
import { ExportGate } from './export-gate';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Streamed downloads over HTTP: the register as CSV, Excel and PDF, and one incident's file as PDF. */
@Module({
  imports: [RegisterModule, AccessLogModule, RateLimitModule],
  controllers: [ExportsController],
  providers: [ExportGate, ExportsService, IncidentsRepository],
})
export class ExportsModule {}
