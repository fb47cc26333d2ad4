// Turns the SMTP_URL setting into explicit transport options. Parsed here rather than handed to nodemailer so
// that a wrong URL fails at start-up with a clear message, and no error message ever contains the password.

export interface SmtpEndpoint {
  host: string;
  port: number;
  /** Implicit TLS (smtps, usually port 465). Plain smtp still upgrades with STARTTLS when offered. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

export function parseSmtpUrl(value: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // URL's own TypeError carries the input, password included.
    throw new Error('SMTP URL is not a valid URL (expected smtp://host:port or smtps://user:pass@host:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP URL must use smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new Error('SMTP URL has no host');
  const secure = url.protocol === 'smtps:';
  const endpoint: SmtpEndpoint = {
    // IPv6 literals come back bracketed ("[::1]"); the socket wants them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
  };
  if (url.username) {
    endpoint.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return endpoint;
}

/** For logs: the URL without credentials. */
export function redactSmtpUrl(endpoint: SmtpEndpoint): string {
  return `${endpoint.secure ? 'smtps' : 'smtp'}://${endpoint.auth ? '***@' : ''}${endpoint.host}:${endpoint.port}`;
}
