import { configSchema, type ApiConfig } from './config.schema';

export const API_CONFIG = Symbol('API_CONFIG');

/** A configuration problem, phrased as one line that names the setting and what is expected. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  // Empty strings count as unset, as they do in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'configuration');
  const received = cleaned[name];
  const expected =
    issue?.code === 'invalid_type' && received === undefined ? 'is required' : `is invalid: expected ${issue?.message}`;
  throw new ConfigError(
    `Configuration error: ${name} ${expected}${received === undefined ? '' : ` (got "${redact(name, received)}")`}.`,
  );
}

/** Never echo a password from a URL back into a log. */
function redact(name: string, value: string): string {
  if (!/URL$/.test(name)) return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

export function jwksUrl(config: ApiConfig): string {
  return config.OIDC_JWKS_URL ?? `${config.OIDC_ISSUER_URL.replace(/\/$/, '')}/protocol/openid-connect/certs`;
}
