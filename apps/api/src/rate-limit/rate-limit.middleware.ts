import type { NextFunction, Request, Response } from 'express';
import { localeFromAcceptLanguage } from '@babyconnect/contracts';
import type { Metrics } from '../metrics/metrics';
import type { RateLimiter } from './rate-limiter';

/**
 * Mounted on /graphql before the body is read: a blocked client gets 429 with Retry-After and a GraphQL-shaped
 * error (code TOO_MANY_REQUESTS), and costs nothing more.
 */
export function rateLimitMiddleware(limiter: RateLimiter, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    limiter.blockedFor(req).then((retryAfter) => {
      if (retryAfter === 0) return next();
      metrics.rateLimited.inc();
      const en = localeFromAcceptLanguage(req.header('accept-language')) === 'en';
      const message = en
        ? `Too many of your requests were refused. Please try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`
        : `Te veel van uw verzoeken zijn geweigerd. Probeer het over ${retryAfter} ${retryAfter === 1 ? 'seconde' : 'seconden'} opnieuw.`;
      res
        .status(429)
        .setHeader('retry-after', String(retryAfter))
        .json({ errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS' } }] });
    }, next);
  };
}
