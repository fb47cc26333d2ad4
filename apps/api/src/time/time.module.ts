import { Global, Module } from '@nestjs/common';
import { AppClock } from './app-clock';

/**
 * One clock for the whole API: the incidents' rules and the notification timers must read the same "now", or a
 * test that stands the clock at 64.8 hours would move one and not the other.
 */
@Global()
@Module({ providers: [AppClock], exports: [AppClock] })
export class TimeModule {}
