// The login page, server-rendered. It keeps Keycloak's form element ids (form#kc-form-login, input#username,
// input#password, input#kc-login) so browser tests written against Keycloak's login theme also drive this page,
// and adds one-click demo users grouped by organisation. No remote fonts or scripts.
import { summariseUser } from './realm.ts';
import type { Directory } from './realm.ts';

const ROLE_LABELS: Record<string, string> = {
  employee: 'medewerker',
  'privacy-officer': 'privacy officer',
  dpo: 'FG',
  auditor: 'auditor',
  'hinq-coordinator': 'HINQ-coördinator',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface LoginPageInput {
  action: string;
  title: string;
  directory: Directory;
  error?: string;
  username?: string;
}

function demoButton(action: string, username: string, password: string, label: string, detail: string): string {
  // One small form per user: a click posts that user's credentials to the same endpoint as the main form.
  return `<form method="post" action="${escapeHtml(action)}" class="demo">
        <input type="hidden" name="username" value="${escapeHtml(username)}">
        <input type="hidden" name="password" value="${escapeHtml(password)}">
        <button type="submit" data-demo-user="${escapeHtml(username)}">${escapeHtml(label)} <small>${escapeHtml(detail)}</small></button>
      </form>`;
}

function demoUsers(action: string, directory: Directory): string {
  const sections: string[] = [];
  for (const [alias, orgName] of directory.organisationNames) {
    const buttons = directory.users.flatMap((user) => {
      const membership = summariseUser(user).organisations.find((o) => o.alias === alias);
      if (!membership) return [];
      const roles = membership.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
      return [
        demoButton(action, user.username, user.password, `${user.username}`, `${summariseUser(user).name} · ${roles}`),
      ];
    });
    if (buttons.length === 0) continue;
    sections.push(
      `<section><h3>${escapeHtml(orgName)} <small>(${escapeHtml(alias)})</small></h3>${buttons.join('')}</section>`,
    );
  }
  const admins = directory.users.filter((u) => summariseUser(u).platformAdmin);
  if (admins.length > 0) {
    sections.push(
      `<section><h3>Platform</h3>${admins
        .map((u) => demoButton(action, u.username, u.password, u.username, `${summariseUser(u).name} · beheerder`))
        .join('')}</section>`,
    );
  }
  return sections.join('\n');
}

export function renderLoginPage(input: LoginPageInput): string {
  const { action, title, directory, error, username } = input;
  return `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Inloggen bij ${escapeHtml(title)}</title>
  <style>
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
    main{max-width:760px;margin:32px auto;padding:0 16px}
    .card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:24px;margin-bottom:24px}
    h1{font-size:1.5rem;margin:0 0 16px}
    label{display:block;margin:12px 0 4px;font-weight:600}
    input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:1rem;border:1px solid #9aa5b1;border-radius:4px}
    #kc-login{margin-top:16px;padding:10px 20px;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
    .error{background:#fdecea;color:#8a1c14;border:1px solid #f5c2bd;padding:8px 12px;border-radius:4px}
    .notice{color:#5b6670;font-size:.9rem}
    section h3{font-size:1rem;margin:16px 0 8px}
    form.demo{display:inline-block;margin:0 6px 6px 0}
    form.demo button{padding:6px 10px;border:1px solid #9aa5b1;border-radius:4px;background:#f8fafc;cursor:pointer;text-align:left}
    form.demo small{color:#5b6670}
  </style>
</head>
<body>
<main>
  <div class="card">
    <h1 id="kc-page-title">Inloggen bij ${escapeHtml(title)}</h1>
    ${error ? `<div class="error" id="input-error" role="alert">${escapeHtml(error)}</div>` : ''}
    <form id="kc-form-login" method="post" action="${escapeHtml(action)}">
      <label for="username">Gebruikersnaam of e-mailadres</label>
      <input id="username" name="username" type="text" autocomplete="username" autofocus value="${escapeHtml(username ?? '')}">
      <label for="password">Wachtwoord</label>
      <input id="password" name="password" type="password" autocomplete="current-password">
      <input id="kc-login" name="login" type="submit" value="Inloggen">
    </form>
  </div>
  <div class="card">
    <h2>Demogebruikers</h2>
    <p class="notice">Alleen voor ontwikkeling: fictieve personen (example.org), wachtwoord <code>demo</code>. Eén klik logt in.</p>
    ${demoUsers(action, directory)}
  </div>
</main>
</body>
</html>`;
}
