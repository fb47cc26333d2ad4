// The login interaction oidc-provider hands over to us (devInteractions are off): show the login form, check the
// password against the directory, and grant the requested scopes without a consent page, as Keycloak does for
// clients without "consent required".
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { API_RESOURCE, loginActionPath } from './context.ts';
import type { DevIdpContext } from './context.ts';
import { readBody, sendHtml } from './http.ts';
import { renderLoginPage } from './login-page.ts';
import { messagePage } from './pages.ts';
import { checkPassword } from './realm.ts';
import type { Directory, DirectoryUser } from './realm.ts';

export async function handleInteraction(
  ctx: DevIdpContext,
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, messagePage('Deze inlogpoging is verlopen', 'Ga terug naar de applicatie en log opnieuw in.'));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, messagePage('Ongeldige inlogpoging', 'Ga terug naar de applicatie en log opnieuw in.'));
    return;
  }
  const action = loginActionPath(ctx, uid);
  const clientId = String(details.params.client_id);
  const scope = String(details.params.scope ?? 'openid');

  if (details.prompt.name !== 'login') {
    // Consent is implied, as for Keycloak clients without "consent required".
    const accountId = details.session?.accountId;
    if (!accountId) {
      sendHtml(res, 400, messagePage('Ongeldige inlogpoging', 'Geen sessie gevonden.'));
      return;
    }
    const grantId = await saveGrant(provider, accountId, clientId, scope, details.grantId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method !== 'POST') {
    sendHtml(res, 200, renderLoginPage({ action, title: ctx.realm.displayName, directory: ctx.directory }));
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const login = (form.get('username') ?? '').trim();
  const user = findUser(ctx.directory, login);
  if (!user || !checkPassword(user, form.get('password') ?? '')) {
    ctx.log(`login failed for "${login}"`);
    const page = renderLoginPage({
      action,
      title: ctx.realm.displayName,
      directory: ctx.directory,
      error: 'Ongeldige gebruikersnaam of wachtwoord.',
      username: login,
    });
    sendHtml(res, 200, page);
    return;
  }
  ctx.log(`login ${user.username}`);
  const grantId = await saveGrant(provider, user.id, clientId, scope);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.id }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** Keycloak lets users log in with their username or their email address, both case-insensitively. */
function findUser(directory: Directory, login: string): DirectoryUser | undefined {
  const lower = login.toLowerCase();
  return directory.findByUsername(lower) ?? directory.users.find((u) => u.email.toLowerCase() === lower);
}

async function saveGrant(
  provider: Provider,
  accountId: string,
  clientId: string,
  scope: string,
  existingGrantId?: string,
): Promise<string> {
  const existing = existingGrantId ? await provider.Grant.find(existingGrantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(scope);
  grant.addResourceScope(API_RESOURCE, scope);
  return grant.save();
}
