import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

interface DemoOrganisation {
  id: string;
  alias: string;
  name: string;
  kind: string;
  contactRole?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
}

/**
 * Inserts the fictional demo organisations as the schema owner. Idempotent: existing ids are left as they are, so a
 * second start adds nothing and edits made in the portal survive.
 */
export async function seedDemoOrganisations(
  owner: DataSource,
  file: string,
): Promise<{ added: number; total: number }> {
  const { organisations } = JSON.parse(readFileSync(file, 'utf8')) as { organisations: DemoOrganisation[] };
  let added = 0;
  await owner.transaction(async (manager) => {
    for (const o of organisations) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO organisations (id, alias, name, kind, contact_role, contact_name, contact_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [o.id, o.alias, o.name, o.kind, o.contactRole ?? null, o.contactName ?? null, o.contactEmail ?? null],
      );
      added += rows.length;
    }
  });
  return { added, total: organisations.length };
}
