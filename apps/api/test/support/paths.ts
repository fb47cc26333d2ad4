import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../../..');
export const TEMPLATE_DATABASE = 'babyconnect_template';
export const DEMO_ORGANISATIONS_FILE = join(REPO_ROOT, 'infra/demo/organisations.json');

/** Handed from the global setup to the test workers through the environment. */
export const ENV = {
  adminUrl: 'BABYCONNECT_TEST_PG_ADMIN_URL',
  issuer: 'BABYCONNECT_TEST_OIDC_ISSUER',
} as const;
