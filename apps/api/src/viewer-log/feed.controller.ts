import { Controller, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ScopedRequest } from '../auth/request-scope';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { DetectionService } from './detection.service';
import { GatedRestRoute, RestGate } from './rest-gate';
import { refusals } from './upload-refusal';

/**
 * `POST /viewer-log/feed?batch=<id>` with viewer-log lines as the raw body (`Content-Type: text/csv`, the documented
 * export format with its header): HINQ's systems push the viewer's access log for detection, with a
 * client-credentials token of the realm's `hinq-viewer-log` client (scope `viewer-log:push`). A person's token is
 * refused (403), whatever their roles. Idempotent per batch id: the same batch again is answered the same
 * (`repeated: true`, 200) and counts nothing twice; the id with other content is 409.
 */
@Controller('viewer-log')
export class FeedController {
  constructor(
    private readonly gate: RestGate,
    private readonly detection: DetectionService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('feed')
  @GatedRestRoute()
  async push(
    @Query('batch') batch: string | string[] | undefined,
    @Req() req: ScopedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const operation = 'viewerLogFeed';
    const objectIds: string[] = [];
    try {
      const actor = await this.gate.admitExpensive(req, res, 'create', 'ViewerLogFeed');
      const batchId = this.detection.checkBatchId(typeof batch === 'string' ? batch : undefined);
      objectIds.push(batchId);
      if (!/^text\/csv\b|^text\/plain\b/i.test(req.header('content-type') ?? '')) throw refusals.notCsv();
      const limit = this.config.VIEWER_LOG_PUSH_LIMIT_BYTES;
      if (Number(req.header('content-length') ?? NaN) > limit) throw refusals.tooLarge(limit);
      const answer = await this.detection.push(actor, batchId, req, limit, (tx) =>
        this.gate.logAllowedIn(tx.manager, req, operation, objectIds),
      );
      res
        .status(answer.repeated ? 200 : 201)
        .setHeader('cache-control', 'no-store')
        .json(answer);
    } catch (error) {
      await this.gate.refuse(req, res, operation, objectIds, error);
    }
  }
}
