import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PersonalSettings {
  locale: 'nl' | 'en';
  dailyDigest: boolean;
}

const DEFAULTS: PersonalSettings = { locale: 'nl', dailyDigest: false };

/** `user_notification_settings`: one person's own row (no row: Dutch, no digest). */
@Injectable()
export class PersonalSettingsRepository {
  async find(manager: EntityManager, userId: string): Promise<PersonalSettings> {
    const rows: PersonalSettings[] = await manager.query(
      `SELECT locale, daily_digest AS "dailyDigest" FROM user_notification_settings WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? DEFAULTS;
  }

  async save(
    manager: EntityManager,
    userId: string,
    change: Partial<PersonalSettings>,
    now: Date,
  ): Promise<PersonalSettings> {
    const rows: PersonalSettings[] = await manager.query(
      `INSERT INTO user_notification_settings (user_id, locale, daily_digest, updated_at)
       VALUES ($1, coalesce($2, 'nl'), coalesce($3, false), $4)
       ON CONFLICT (user_id) DO UPDATE
         SET locale = coalesce($2, user_notification_settings.locale),
             daily_digest = coalesce($3, user_notification_settings.daily_digest),
             updated_at = $4
       RETURNING locale, daily_digest AS "dailyDigest"`,
      [userId, change.locale ?? null, change.dailyDigest ?? null, now],
    );
    return rows[0]!;
  }
}
