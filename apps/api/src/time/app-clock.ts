import { Injectable } from '@nestjs/common';
import { systemClock, type Clock } from '@babyconnect/domain';

/**
 * Where the API's rules read "now" (the 72-hour clock, discovery in the future, late notifications): the machine's
 * clock, unless a test stands it elsewhere with `use` — e.g. at 71 h 59 min after a discovery. The domain takes a
 * `Clock` everywhere; this is the one the API hands it.
 */
@Injectable()
export class AppClock implements Clock {
  private source: Clock = systemClock;

  now(): Date {
    return this.source.now();
  }

  /** Tests: read time from `clock` (e.g. the domain's `fixedClock`) from now on; `systemClock` restores it. */
  use(clock: Clock): void {
    this.source = clock;
  }
}
