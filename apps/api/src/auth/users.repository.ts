import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cleanExternalName } from '@babyconnect/domain';

export interface SeenUser {
  id: string;
  displayName: string;
  email: string | null;
}

interface Person {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
}

/** How long this instance trusts what it knows of a person before it records them again (last seen, name). */
const REMEMBER_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * People as known from their verified tokens. A request reads the person from memory; the database is written
 * only when this instance has not seen them for ten minutes or their name or e-mail changed — never on every
 * request (an `INSERT … ON CONFLICT DO UPDATE … WHERE` locks the person's row even when it writes nothing, so one
 * person's parallel requests queued on it). `last_seen_at` is therefore accurate to ten minutes; the access log
 * holds every request to the second.
 */
@Injectable()
export class UsersRepository {
  private readonly remembered = new Map<
    string,
    { user: Promise<SeenUser>; until: number; name: string; email: string | null }
  >();

  constructor(private readonly dataSource: DataSource) {}

  seen(claimed: Person): Promise<SeenUser> {
    // Names come from the identity provider's claims: no control or invisible characters reach our tables.
    const person = { ...claimed, displayName: cleanExternalName(claimed.displayName) || claimed.subject };
    const key = `${person.issuer}\n${person.subject}`;
    const known = this.remembered.get(key);
    if (known && known.until > Date.now() && known.name === person.displayName && known.email === person.email) {
      return known.user;
    }
    const user = this.record(person);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(key, { user, until: Date.now() + REMEMBER_MS, name: person.displayName, email: person.email });
    // A failed write is not remembered: the next request tries again.
    user.catch(() => this.remembered.delete(key));
    return user;
  }

  /** One statement in its own transaction: identity bookkeeping does not belong to the request's work. */
  private async record(person: Person): Promise<SeenUser> {
    const rows: { id: string; display_name: string; email: string | null }[] = await this.dataSource.query(
      `INSERT INTO users (issuer, subject, display_name, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer, subject) DO UPDATE
         SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, last_seen_at = now()
       RETURNING id, display_name, email`,
      [person.issuer, person.subject, person.displayName, person.email],
    );
    const row = rows[0];
    if (!row) throw new Error('user upsert returned no row');
    return { id: row.id, displayName: row.display_name, email: row.email };
  }
}
