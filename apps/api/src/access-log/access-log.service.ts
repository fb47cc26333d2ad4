import { Injectable } from '@nestjs/common';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { AccessLogRepository } from './access-log.repository';
import type { AccessLogPageType } from './access-log.type';

@Injectable()
export class AccessLogService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly log: AccessLogRepository,
  ) {}

  async page(actor: Actor, first: number, after: string | null): Promise<AccessLogPageType> {
    if (!Number.isInteger(first) || first < 1 || first > 500) {
      throw errors.invalidInput([
        {
          field: 'first',
          message: { nl: 'Vraag 1 tot 500 regels per pagina op.', en: 'Ask for 1 to 500 rows per page.' },
        },
      ]);
    }
    if (after !== null && !/^[1-9][0-9]{0,18}$/.test(after)) {
      throw errors.invalidInput([
        { field: 'after', message: { nl: 'De cursor is ongeldig.', en: 'The cursor is invalid.' } },
      ]);
    }
    const rows = await this.tenancy.asTenant(actingOrganisationId(actor), (tx) => this.log.page(tx, first + 1, after));
    const entries = rows.slice(0, first);
    return { entries, nextCursor: rows.length > first ? (entries.at(-1)?.seq ?? null) : null };
  }
}
