import { Injectable } from '@nestjs/common';
import type { LineRejection, OrganisationImpact, RejectedLine, ViewerLogAnalysis } from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';

export interface StoredAnalysis extends Omit<ViewerLogAnalysis, 'organisations'> {
  id: string;
  chainIncidentId: string;
  fileSha256: string;
  suspectAccounts: string[];
  windowFrom: Date;
  windowTo: Date;
  organisations: OrganisationImpact[];
  analysedAt: Date;
  analysedByName: string;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  confirmedOrganisationIds: string[] | null;
}

interface Row {
  id: string;
  chain_incident_id: string;
  file_sha256: string;
  suspect_accounts: string[];
  window_from: Date;
  window_to: Date;
  lines: number;
  accepted: number;
  relevant: number;
  rejected: number;
  rejected_by_reason: Record<LineRejection, number>;
  rejected_lines: RejectedLine[];
  organisations: (Omit<OrganisationImpact, 'firstAccessAt' | 'lastAccessAt'> & {
    firstAccessAt: string;
    lastAccessAt: string;
  })[];
  analysed_at: Date;
  analysed_by_name: string;
  confirmed_at: Date | null;
  confirmed_by_name: string | null;
  confirmed_organisation_ids: string[] | null;
}

const COLUMNS = `a.id::text AS id, a.chain_incident_id::text AS chain_incident_id, a.file_sha256, a.suspect_accounts,
  a.window_from, a.window_to, a.lines, a.accepted, a.relevant, a.rejected, a.rejected_by_reason, a.rejected_lines,
  a.organisations, a.analysed_at, ua.display_name AS analysed_by_name, a.confirmed_at,
  uc.display_name AS confirmed_by_name, a.confirmed_organisation_ids::text[] AS confirmed_organisation_ids`;
const FROM = `viewer_log_analyses a JOIN users ua ON ua.id = a.analysed_by LEFT JOIN users uc ON uc.id = a.confirmed_by`;

/** Impact analyses of viewer-log exports; row-level security shows them to HINQ's coordinators only. */
@Injectable()
export class ViewerLogRepository {
  /** The chain's organisations by alias (lower case) and which of them are HINQ. */
  async organisations(tx: TenantTransaction): Promise<{ byAlias: Map<string, string>; hinq: Set<string> }> {
    const rows: { id: string; alias: string; kind: string }[] = await tx.manager.query(
      `SELECT id::text AS id, alias, kind::text AS kind FROM organisations`,
    );
    return {
      byAlias: new Map(rows.map((r) => [r.alias.toLowerCase(), r.id])),
      hinq: new Set(rows.filter((r) => r.kind === 'HINQ').map((r) => r.id)),
    };
  }

  /** The same file for the same question, analysed before for this chain incident. */
  async findRepeat(
    tx: TenantTransaction,
    chainIncidentId: string,
    sha256: string,
    accounts: string[],
    from: Date,
    to: Date,
  ): Promise<StoredAnalysis | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE a.chain_incident_id = $1 AND a.file_sha256 = $2 AND a.suspect_accounts = $3::text[]
          AND a.window_from = $4 AND a.window_to = $5
        ORDER BY a.analysed_at DESC LIMIT 1`,
      [chainIncidentId, sha256, accounts, from, to],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async insert(
    tx: TenantTransaction,
    a: {
      chainIncidentId: string;
      sha256: string;
      accounts: string[];
      from: Date;
      to: Date;
      analysis: ViewerLogAnalysis;
      at: Date;
      by: string;
    },
  ): Promise<string> {
    const r = a.analysis;
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO viewer_log_analyses (organisation_id, chain_incident_id, file_sha256, suspect_accounts, window_from,
         window_to, lines, accepted, relevant, rejected, rejected_by_reason, rejected_lines, organisations,
         analysed_at, analysed_by)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15)
       RETURNING id::text AS id`,
      [
        tx.organisationId,
        a.chainIncidentId,
        a.sha256,
        a.accounts,
        a.from,
        a.to,
        r.lines,
        r.accepted,
        r.relevant,
        r.rejected,
        JSON.stringify(r.rejectedByReason),
        JSON.stringify(r.rejectedLines),
        JSON.stringify(r.organisations),
        a.at,
        a.by,
      ],
    );
    return rows[0]!.id;
  }

  async find(tx: TenantTransaction, id: string, lock = false): Promise<StoredAnalysis | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async latest(tx: TenantTransaction, chainIncidentId: string): Promise<StoredAnalysis | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE a.chain_incident_id = $1 ORDER BY a.analysed_at DESC, a.id LIMIT 1`,
      [chainIncidentId],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async confirm(tx: TenantTransaction, id: string, at: Date, by: string, organisationIds: string[]): Promise<void> {
    await tx.manager.query(
      `UPDATE viewer_log_analyses SET confirmed_at = $2, confirmed_by = $3, confirmed_organisation_ids = $4::uuid[]
        WHERE id = $1`,
      [id, at, by, organisationIds],
    );
  }

  async names(tx: TenantTransaction, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await tx.manager.query(
      `SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function toStored(r: Row): StoredAnalysis {
  return {
    id: r.id,
    chainIncidentId: r.chain_incident_id,
    fileSha256: r.file_sha256,
    suspectAccounts: r.suspect_accounts,
    windowFrom: new Date(r.window_from),
    windowTo: new Date(r.window_to),
    lines: r.lines,
    accepted: r.accepted,
    relevant: r.relevant,
    rejected: r.rejected,
    rejectedByReason: r.rejected_by_reason,
    rejectedLines: r.rejected_lines,
    organisations: r.organisations.map((o) => ({
      ...o,
      firstAccessAt: new Date(o.firstAccessAt),
      lastAccessAt: new Date(o.lastAccessAt),
    })),
    analysedAt: new Date(r.analysed_at),
    analysedByName: r.analysed_by_name,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
    confirmedByName: r.confirmed_by_name,
    confirmedOrganisationIds: r.confirmed_organisation_ids,
  };
}
