import type { NextFunction, Request, Response } from 'express';
import { localeFromAcceptLanguage } from '@babyconnect/contracts';
import type { Metrics } from '../metrics/metrics';
import type { RateLimiter } from './rate-limiter';

/**
 * Mounted for every route before the body is read: a blocked client gets 429 with Retry-After and the route's own
 * error shape (code TOO_MANY_REQUESTS), and costs nothing more — no token check, no access-log row (writing one per
 * blocked request would hand the flood the very cost the block saves; the request line and the metric record it).
 * The health probes are never blocked: a load balancer behind the same address must still see the instance live.
 */
export function rateLimitMiddleware(limiter: RateLimiter, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path.toLowerCase();
    if (path.startsWith('/health/')) return next();
    limiter.blockedFor(req).then((retryAfter) => {
      if (retryAfter === 0) return next();
      metrics.rateLimited.inc();
      const text = {
        nl: `Te veel van uw verzoeken zijn geweigerd. Probeer het over ${retryAfter} ${retryAfter === 1 ? 'seconde' : 'seconden'} opnieuw.`,
        en: `Too many of your requests were refused. Please try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`,
      };
      const message = localeFromAcceptLanguage(req.header('accept-language')) === 'en' ? text.en : text.nl;
      if (!req.complete) {
        // A body still on its way (an upload): answer at once and close the connection, reading what is in flight
        // into nothing so the client sees the 429 instead of a reset, as RestGate does for its refusals.
        res.setHeader('connection', 'close');
        req.resume();
        res.once('finish', () => setTimeout(() => req.socket?.destroy(), 5_000).unref());
      }
      res.status(429).setHeader('retry-after', String(retryAfter)).setHeader('cache-control', 'no-store');
      // The exports answer errors flat ({ code, message }, read by the portal's downloads); every other route in
      // the API's error shape ({ errors: [{ message, extensions: { code } }] }).
      if (path.startsWith('/exports/')) {
        res.json({ code: 'TOO_MANY_REQUESTS', message, i18n: text, fields: [], retryAfter });
      } else {
        res.json({ errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS', i18n: text, retryAfter } }] });
      }
    }, next);
  };
}
