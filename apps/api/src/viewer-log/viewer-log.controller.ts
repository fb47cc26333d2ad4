import { Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ScopedRequest } from '../auth/request-scope';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { Inject } from '@nestjs/common';
import { GatedRestRoute, RestGate } from './rest-gate';
import { refusals } from './upload-refusal';
import { ViewerLogService } from './viewer-log.service';

/**
 * `POST /viewer-log/chain-incidents/:id/analyses?accounts=a,b&from=…&to=…` with the export as the raw body
 * (`Content-Type: text/csv`): HINQ's coordinator uploads the viewer's access log for a chain incident. The answer is
 * the analysis (JSON, the GraphQL type's shape); a refusal is the API's error shape with its HTTP status.
 */
@Controller('viewer-log')
export class ViewerLogController {
  constructor(
    private readonly gate: RestGate,
    private readonly service: ViewerLogService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('chain-incidents/:id/analyses')
  @GatedRestRoute()
  async upload(
    @Param('id') chainIncidentId: string,
    @Query('accounts') accounts: string | string[] | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Req() req: ScopedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const operation = 'viewerLogUpload';
    const objectIds = [chainIncidentId];
    try {
      const actor = await this.gate.admitExpensive(req, res, 'update', 'ViewerLogAnalysis');
      if (!/^text\/csv\b|^text\/plain\b|^application\/octet-stream\b/i.test(req.header('content-type') ?? ''))
        throw refusals.notCsv();
      const declared = Number(req.header('content-length') ?? NaN);
      if (declared > this.config.VIEWER_LOG_UPLOAD_LIMIT_BYTES)
        throw refusals.tooLarge(this.config.VIEWER_LOG_UPLOAD_LIMIT_BYTES);
      const list = (Array.isArray(accounts) ? accounts : [accounts ?? ''])
        .flatMap((a) => String(a).split(','))
        .map((a) => a.trim());
      const prepared = await this.service.prepare(actor, chainIncidentId, { accounts: list, from, to });
      const analysis = await this.service.analyse(actor, chainIncidentId, prepared, req, async (tx, id) => {
        objectIds.push(id);
        await this.gate.logAllowedIn(tx.manager, req, operation, objectIds);
      });
      res
        .status(analysis.repeated ? 200 : 201)
        .setHeader('cache-control', 'no-store')
        .json(analysis);
    } catch (error) {
      await this.gate.refuse(req, res, operation, objectIds, error);
    }
  }
}
