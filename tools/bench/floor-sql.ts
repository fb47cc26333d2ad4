// The floor's SQL: exactly what the product runs for `accessLog(first: 50)`, copied from
// apps/api/src/access-log/access-log.repository.ts `page()` (the service asks for first + 1 rows to know whether
// there is a next page). Copied, not imported: the benchmark talks to the API only over HTTP and SQL, so it keeps
// measuring the same thing while the API's internals change. When page()'s SQL changes, change it here too.
export const ACCESS_LOG_PAGE_SQL = `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.user_id AS "userId", u.display_name AS "userName",
              a.roles, a.organisation_id AS "organisationId", a.target_organisation_id AS "targetOrganisationId",
              a.operation, a.fields, a.object_ids AS "objectIds", a.result, a.reason, a.request_id AS "requestId"
         FROM access_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.chain_id = $1 AND ($2::bigint IS NULL OR a.seq < $2::bigint)
        ORDER BY a.seq DESC
        LIMIT $3`;

/** What the product sets per tenant transaction (Tenancy.asTenant): row-level security reads it. */
export const SET_TENANT_SQL = `SELECT set_config('app.tenant_id', $1, true)`;

export const PAGE_SIZE = 50;
