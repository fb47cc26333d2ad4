import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { startDevIdp } from './server.ts';
import type { DevIdp } from './server.ts';
import { devIdpPaths } from './paths.ts';

const repoRoot = resolve(__dirname, '../..');
const tokenCli = resolve(__dirname, 'token.ts');

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    // process.execPath: the Node 24 that runs Jest (the .ts entry needs its type stripping).
    const child = spawn(process.execPath, [tokenCli, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('token CLI', () => {
  let idp: DevIdp;
  beforeAll(async () => {
    idp = await startDevIdp({ port: 0, ...devIdpPaths(repoRoot), keysFile: undefined, quiet: true });
  });
  afterAll(() => idp.close());

  it('--list prints the demo users as one JSON array', async () => {
    const { code, stdout, stderr } = await run(['--list']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const users = JSON.parse(stdout) as {
      username: string;
      name: string;
      organisations: { alias: string; roles: string[] }[];
      platformAdmin: boolean;
    }[];
    expect(users).toHaveLength(23);
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(['name', 'organisations', 'platformAdmin', 'username']);
    }
    expect(users.find((u) => u.username === 'multi-fg')).toEqual({
      username: 'multi-fg',
      name: 'Hanneke Postma',
      organisations: [
        { alias: 'vp-de-wieg', roles: ['dpo'] },
        { alias: 'vp-het-nest', roles: ['employee'] },
      ],
      platformAdmin: false,
    });
    expect(users.find((u) => u.username === 'beheerder')).toMatchObject({ organisations: [], platformAdmin: true });
    expect(users.find((u) => u.username === 'hinq-coordinator')?.organisations).toEqual([
      { alias: 'hinq', roles: ['hinq-coordinator'] },
    ]);
  });

  it('prints exactly one line with an access token from the running provider', async () => {
    const { code, stdout, stderr } = await run(['zuiderhaven-medewerker'], { OIDC_ISSUER_URL: idp.issuer });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(decodeJwt(stdout.trim())).toMatchObject({
      iss: idp.issuer,
      preferred_username: 'zuiderhaven-medewerker',
      groups: ['/orgs/zh-zuiderhaven/employee'],
    });
  });

  it('fails with one line on stderr for an unknown user', async () => {
    const { code, stdout, stderr } = await run(['niemand'], { OIDC_ISSUER_URL: idp.issuer });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unknown demo user "niemand"/);
  });

  it('fails with one line on stderr when no provider is running', async () => {
    const { code, stdout, stderr } = await run(['wieg-fg'], {
      OIDC_ISSUER_URL: 'http://localhost:1/realms/babyconnect',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no identity provider reachable/);
  });
});
