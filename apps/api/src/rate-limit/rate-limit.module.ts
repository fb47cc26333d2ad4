import { Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimiter } from './rate-limiter';
import { RefusalRecorderPlugin } from './refusal-recorder.plugin';

@Module({
  providers: [ThrottlerStorageService, RateLimiter, RefusalRecorderPlugin],
  exports: [RateLimiter],
})
export class RateLimitModule {}
