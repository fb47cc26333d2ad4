import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ScopedRequest } from '../auth/request-scope';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { DetectionService } from './detection.service';
import { GatedRestRoute, RestGate } from './rest-gate';
import { refusals, UploadRefused } from './upload-refusal';

/** A daily file's batch id: its content. 128 bits of the SHA-256 tell two files apart; the full hash is stored. */
export function dailyBatchId(sha256: string): string {
  return `file-${sha256.slice(0, 32)}`;
}

/**
 * `POST /viewer-log/daily` with a day's export of the viewer's access log as the raw body (`Content-Type: text/csv`,
 * the documented format with its header): HINQ's coordinator hands it in for detection when HINQ's systems do not
 * push (issue 18: "or HINQ uploads daily files"). A person's route beside the machine's feed, which stays closed to
 * people: the same reading, refusals and detection (DetectionService.push, in HINQ's tenant, alerts raised in each
 * organisation concerned), and the feed's answer. Idempotent by content: the batch id is derived from the file's
 * SHA-256, so the same file again is answered as a repeat (200, `repeated: true`) and counts nothing twice; any
 * other file is a new batch.
 */
@Controller('viewer-log')
export class DailyFileController {
  constructor(
    private readonly gate: RestGate,
    private readonly detection: DetectionService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('daily')
  @GatedRestRoute()
  async upload(@Req() req: ScopedRequest, @Res() res: Response): Promise<void> {
    const operation = 'viewerLogDailyFile';
    const objectIds: string[] = [];
    try {
      const actor = await this.gate.admitExpensive(req, res, 'create', 'ViewerLogDailyFile');
      // As the chain-incident upload (a person's browser or tool): a .csv's guessed type varies by system.
      if (!/^text\/csv\b|^text\/plain\b|^application\/octet-stream\b/i.test(req.header('content-type') ?? ''))
        throw refusals.notCsv();
      const limit = this.config.VIEWER_LOG_DAILY_LIMIT_BYTES;
      if (Number(req.header('content-length') ?? NaN) > limit) throw refusals.dailyTooLarge(limit);
      const answer = await this.detection.push(
        actor,
        (sha256) => {
          const batchId = dailyBatchId(sha256);
          // Known only once the file is read; the access-log row (allowed or refused after reading) names it.
          objectIds.push(batchId);
          return batchId;
        },
        req,
        limit,
        (tx) => this.gate.logAllowedIn(tx.manager, req, operation, objectIds),
      );
      res
        .status(answer.repeated ? 200 : 201)
        .setHeader('cache-control', 'no-store')
        .json(answer);
    } catch (error) {
      // The reader's own 413 (a body longer than it declared, or chunked) advises a shorter export window; a day
      // is split instead.
      const refusal =
        error instanceof UploadRefused && error.status === 413
          ? refusals.dailyTooLarge(this.config.VIEWER_LOG_DAILY_LIMIT_BYTES)
          : error;
      await this.gate.refuse(req, res, operation, objectIds, refusal);
    }
  }
}
