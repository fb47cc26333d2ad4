import { Injectable } from '@nestjs/common';
import type { SharedTransaction } from '../database/tenancy';

export interface SeenUser {
  id: string;
  displayName: string;
  email: string | null;
}

@Injectable()
export class UsersRepository {
  /**
   * Records a person seen in a verified token. Name and e-mail follow the identity provider; last_seen_at is only
   * rewritten once a minute so that reading does not turn every request into a write.
   */
  async upsertSeen(
    tx: SharedTransaction,
    person: { issuer: string; subject: string; displayName: string; email: string | null },
  ): Promise<SeenUser> {
    const rows: { id: string; display_name: string; email: string | null }[] = await tx.manager.query(
      `INSERT INTO users (issuer, subject, display_name, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer, subject) DO UPDATE
         SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, last_seen_at = now()
         WHERE users.last_seen_at < now() - interval '1 minute'
            OR users.display_name IS DISTINCT FROM EXCLUDED.display_name
            OR users.email IS DISTINCT FROM EXCLUDED.email
       RETURNING id, display_name, email`,
      [person.issuer, person.subject, person.displayName, person.email],
    );
    const row = rows[0] ?? (await this.find(tx, person.issuer, person.subject));
    if (!row) throw new Error('user upsert returned no row');
    return { id: row.id, displayName: row.display_name, email: row.email };
  }

  private async find(tx: SharedTransaction, issuer: string, subject: string) {
    const rows: { id: string; display_name: string; email: string | null }[] = await tx.manager.query(
      'SELECT id, display_name, email FROM users WHERE issuer = $1 AND subject = $2',
      [issuer, subject],
    );
    return rows[0];
  }
}
