import { Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { ExpensiveRequests } from './expensive-requests';
import { RateLimiter } from './rate-limiter';
import { RefusalRecorderPlugin } from './refusal-recorder.plugin';

@Module({
  providers: [ThrottlerStorageService, RateLimiter, RefusalRecorderPlugin, ExpensiveRequests],
  exports: [RateLimiter, ExpensiveRequests],
})
export class RateLimitModule {}
