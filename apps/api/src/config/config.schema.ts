import { z } from 'zod';
import { isValidEmailAddress } from '@babyconnect/domain';

// Every setting the API reads, with its default and what it means. README's configuration table mirrors this.
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const postgresUrl = z
  .string()
  .refine(
    (value) => /^postgres(ql)?:\/\/.+/.test(value),
    'a PostgreSQL URL such as postgres://user:password@host:5432/babyconnect',
  );
const httpUrl = z.string().refine((value) => /^https?:\/\/[^\s]+$/.test(value), 'an http(s) URL');
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/**
 * Why a production API must not trust this identity-provider URL, or null. Plain http lets anyone on the path
 * swap the realm keys; a loopback address is the local development provider (one-click demo logins), never the
 * production realm. WHATWG URL parsing already normalises 127.1, 0x7f000001 and ::ffff:127.0.0.1.
 */
export function insecureIssuerReason(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // the URL check itself reports this
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  ) {
    return 'a loopback address (the local development provider)';
  }
  if (url.protocol !== 'https:') return 'plain http';
  return null;
}

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: postgresUrl,
    DATABASE_MIGRATION_URL: postgresUrl.optional(),
    DATABASE_POOL_MAX: positive(10),
    DATABASE_CONNECT_TIMEOUT_MS: positive(5000),
    OIDC_ISSUER_URL: httpUrl,
    OIDC_AUDIENCE: z.string().min(1).default('babyconnect-api'),
    OIDC_JWKS_URL: httpUrl.optional(),
    PORTAL_ORIGIN: httpUrl.default('http://localhost:4200'),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/.+/.test(v), 'an smtp:// or smtps:// URL')
      .optional(),
    // Notifications (issue 16). Without SMTP_URL messages are still enqueued (in the change's transaction) and wait
    // in the outbox; nothing is sent until a mail server is configured.
    SMTP_FROM: z.string().refine(isValidEmailAddress, 'an e-mail address such as datalek@example.org').optional(),
    SMTP_FROM_NAME: z.string().min(1).max(100).default('Babyconnect Datalekken'),
    // Where links in mails point: the portal as its users reach it (defaults to PORTAL_ORIGIN).
    PORTAL_BASE_URL: httpUrl.optional(),
    // Reminders of the 72-hour AP deadline, in percent of the time elapsed (one decimal at most), ascending.
    NOTIFY_REMINDER_POINTS: z
      .string()
      .default('50,75,90,100')
      .transform((value, ctx) => {
        const points = value.split(',').map((p) => p.trim());
        const parsed = points.map(Number);
        const ok =
          points.every((p) => /^\d{1,3}(\.\d)?$/.test(p)) &&
          parsed.every((p) => p > 0 && p <= 100) &&
          parsed.every((p, i) => i === 0 || p > parsed[i - 1]!);
        if (!ok) {
          ctx.addIssue({ code: 'custom', message: 'ascending percentages between 0 and 100, e.g. 50,75,90,100' });
          return z.NEVER;
        }
        return parsed.map((p) => Math.round(p * 10));
      }),
    // The overdue escalation goes out this long after the deadline passed without a notification or decision.
    NOTIFY_ESCALATION_DELAY_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    // false: this instance neither sends mail nor fires timers (e.g. a read-only replica of the API).
    NOTIFY_WORKER: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    NOTIFY_POLL_MS: z.coerce.number().int().min(50).max(5000).default(1000),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(16),
    NOTIFY_RETRY_BASE_MS: positive(5000),
    NOTIFY_RETRY_MAX_MS: positive(3_600_000),
    // A claimed message is retried by any instance after this long without a result (the sender died).
    NOTIFY_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
    // A timer fired later than this after its due time (the API was down) says so in its mail.
    NOTIFY_LATE_AFTER_MS: positive(60_000),
    // The FG's optional daily digest goes out from this hour on (Europe/Amsterdam), once per person and day.
    NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    METRICS_PORT: port(9464),
    METRICS_HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    GRAPHQL_MAX_DEPTH: positive(12),
    GRAPHQL_MAX_ALIASES: positive(50),
    GRAPHQL_MAX_COST: positive(1000),
    // The parser stops after this many tokens, before building anything: the biggest portal query has 31, the full
    // introspection query 184, and a query of 1000 fields (the cost ceiling) about 1000-2000.
    GRAPHQL_MAX_TOKENS: positive(3000),
    GRAPHQL_MAX_DIRECTIVES: positive(50),
    GRAPHQL_MAX_OPERATION_NAME: positive(100),
    // Refused requests (no or invalid token, no right, invalid query) per client and window; the next is answered 429.
    RATE_LIMIT_REFUSALS: positive(30),
    RATE_LIMIT_WINDOW_MS: positive(10_000),
    // Exports and uploads one person (or machine client) may have running at once per API instance; the next is
    // answered 429 until one ends. A 10,000-row PDF costs about 10 CPU seconds: a few in parallel fill a core each.
    EXPENSIVE_REQUESTS_PER_PERSON: positive(3),
    HTTP_BODY_LIMIT_BYTES: positive(1_048_576),
    // The viewer's access log (issue 18): the largest export accepted per upload, the largest pushed batch, and the
    // detection thresholds per rule (libs/domain viewer-log/detection.ts documents each).
    VIEWER_LOG_UPLOAD_LIMIT_BYTES: positive(50 * 1024 * 1024),
    VIEWER_LOG_PUSH_LIMIT_BYTES: positive(10 * 1024 * 1024),
    // The largest daily file HINQ's coordinator hands in for detection: it takes the push's way (its lines are held
    // in memory until keyed), so the push's limit; a bigger day goes in several files (docs/viewer-log-format.md).
    VIEWER_LOG_DAILY_LIMIT_BYTES: positive(10 * 1024 * 1024),
    VIEWER_LOG_PUSH_CLIENT_ID: z.string().min(1).default('hinq-viewer-log'),
    DETECT_MANY_ORGS_WINDOW_MINUTES: positive(60),
    DETECT_MANY_ORGS_ORGANISATIONS: positive(3),
    DETECT_MANY_ORGS_RECORDS: positive(50),
    DETECT_NIGHT_WINDOW_MINUTES: positive(60),
    DETECT_NIGHT_ACCESSES: positive(20),
    DETECT_NIGHT_FROM_HOUR: z.coerce.number().int().min(0).max(23).default(22),
    DETECT_NIGHT_TO_HOUR: z.coerce.number().int().min(0).max(23).default(6),
    DETECT_TWO_ORGS_WINDOW_MINUTES: positive(10),
    SHUTDOWN_GRACE_MS: positive(10_000),
    TRUST_PROXY: flag,
    OIDC_ALLOW_INSECURE_ISSUER: flag,
    // Ed25519 private key (PKCS#8 PEM, or that PEM base64-encoded) that signs access-log anchors. Required in
    // production (an anchor must outlive the process); elsewhere a key per process is made when it is missing.
    ACCESS_LOG_ANCHOR_KEY: z.string().min(1).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.ACCESS_LOG_ANCHOR_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ACCESS_LOG_ANCHOR_KEY'],
        message:
          'an Ed25519 private key in production (it signs the access-log anchors; make one with `openssl genpkey -algorithm ed25519`)',
      });
    }
    if (config.NODE_ENV === 'production' && config.SMTP_URL && !config.SMTP_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_FROM'],
        message: 'the sender address of notification mails in production (SMTP_URL is set)',
      });
    }
    if (config.NODE_ENV !== 'production' || config.OIDC_ALLOW_INSECURE_ISSUER) return;
    for (const name of ['OIDC_ISSUER_URL', 'OIDC_JWKS_URL'] as const) {
      const value = config[name];
      const reason = value === undefined ? null : insecureIssuerReason(value);
      if (reason) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `an https URL of the production identity provider with NODE_ENV=production, not ${reason}; set OIDC_ALLOW_INSECURE_ISSUER=true to allow it deliberately (e.g. in a test environment)`,
        });
      }
    }
  });

export type ApiConfig = z.infer<typeof configSchema>;
