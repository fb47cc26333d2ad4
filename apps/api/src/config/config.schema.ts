import { z } from 'zod';

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

export const configSchema = z.object({
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
  METRICS_PORT: port(9464),
  METRICS_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: positive(12),
  GRAPHQL_MAX_ALIASES: positive(50),
  GRAPHQL_MAX_COST: positive(1000),
  HTTP_BODY_LIMIT_BYTES: positive(1_048_576),
  SHUTDOWN_GRACE_MS: positive(10_000),
  // Ed25519 private key (PKCS#8 PEM, or that PEM base64-encoded) that signs access-log anchors. Required in
  // production; elsewhere a key per process is made when it is missing.
  ACCESS_LOG_ANCHOR_KEY: z.string().min(1).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type ApiConfig = z.infer<typeof configSchema>;
