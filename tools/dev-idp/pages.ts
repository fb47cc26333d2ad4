// The provider's small HTML pages besides the login form (login-page.ts): messages, oidc-provider's error and
// logout pages in the portal's language, and the stubs keycloak-js loads in iframes.
import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from './login-page.ts';

export function messagePage(title: string, text: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:40px auto"><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p></body></html>`;
}

export async function renderError(koa: KoaContextWithOIDC, out: Record<string, string>): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = messagePage(
    'Er ging iets mis bij het inloggen',
    `${out['error'] ?? 'error'}: ${out['error_description'] ?? ''}`,
  );
}

/** RP-initiated logout without a confirmation page: the form oidc-provider needs (with its xsrf) submits itself. */
export async function logoutSource(koa: KoaContextWithOIDC, form: string): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Uitloggen</title></head>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:40px auto">
${form}
<p>U wordt uitgelogd…</p>
<button id="kc-logout" type="submit" form="op.logoutForm" name="logout" value="yes">Uitloggen</button>
<script>document.getElementById('kc-logout').click();</script>
</body></html>`;
}

export async function postLogoutSuccessSource(koa: KoaContextWithOIDC): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = messagePage('U bent uitgelogd', 'U kunt dit venster sluiten.');
}

/** keycloak-js's third-party-cookie check: answer "supported" (the portal runs with checkLoginIframe: false). */
export const THIRD_PARTY_COOKIES_STUB = `<!DOCTYPE html><html><body><script>
window.parent.postMessage('supported', '*');
</script></body></html>`;

/** Stub of Keycloak's session iframe: always "unchanged" (no session polling against this provider). */
export const LOGIN_STATUS_IFRAME_STUB = `<!DOCTYPE html><html><body><script>
window.addEventListener('message', function (event) { event.source.postMessage('unchanged', event.origin); });
</script></body></html>`;
