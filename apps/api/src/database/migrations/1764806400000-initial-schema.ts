import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations (the chain's directory), users, and the NEN 7513 access log.
 *
 * Runs as the schema owner. The API connects as `babyconnect_app`, which owns nothing, so row-level security binds
 * it. The tenant is set per transaction with set_config('app.tenant_id', …, true); policies read it through
 * app_current_tenant(), which is NULL when unset or empty, so a forgotten tenant returns no rows (fails closed).
 */
export class InitialSchema1764806400000 implements MigrationInterface {
  name = 'InitialSchema1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid
      $$;
      CREATE FUNCTION app_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.platform_admin', true), '') = 'on'
      $$;

      CREATE TYPE organisation_kind AS ENUM ('MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE', 'HINQ');
      CREATE TYPE contact_role AS ENUM ('DPO', 'PRIVACY_CONTACT');

      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alias text NOT NULL UNIQUE CHECK (alias ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        kind organisation_kind NOT NULL,
        contact_role contact_role,
        contact_name text CHECK (contact_name IS NULL OR length(btrim(contact_name)) BETWEEN 2 AND 200),
        contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_complete CHECK ((contact_role IS NULL) = (contact_email IS NULL))
      );
      -- Only one HINQ: it is the processor and coordinator for the whole chain.
      CREATE UNIQUE INDEX organisations_single_hinq ON organisations (kind) WHERE kind = 'HINQ';

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer text NOT NULL,
        subject text NOT NULL,
        display_name text NOT NULL,
        email text,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (issuer, subject)
      );

      CREATE TABLE access_log (
        seq bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        user_id uuid,
        roles text,
        organisation_id uuid,
        operation text NOT NULL,
        object_ids text[] NOT NULL DEFAULT '{}',
        result text NOT NULL CHECK (result IN ('allowed', 'refused', 'failed')),
        reason text,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE INDEX access_log_by_organisation ON access_log (organisation_id, seq DESC);
    `);

    // Row-level security: every policy below fails closed when the tenant is unset.
    await q.query(`
      ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
      -- The directory (name, kind, contact; no breach data) is readable by every member of the chain; the API
      -- checks membership before it reads.
      CREATE POLICY organisations_read ON organisations FOR SELECT TO babyconnect_app USING (true);
      CREATE POLICY organisations_create ON organisations FOR INSERT TO babyconnect_app WITH CHECK (app_is_platform_admin());
      CREATE POLICY organisations_update ON organisations FOR UPDATE TO babyconnect_app
        USING (app_is_platform_admin() OR id = app_current_tenant())
        WITH CHECK (app_is_platform_admin() OR id = app_current_tenant());
      CREATE POLICY organisations_owner ON organisations TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_log_read_own ON access_log FOR SELECT TO babyconnect_app
        USING (organisation_id = app_current_tenant());
      -- The owner (migrations, the verification command, the append function) sees the whole chain.
      CREATE POLICY access_log_owner ON access_log TO CURRENT_USER USING (true) WITH CHECK (true);
    `);

    // The access log is append-only for everyone: no UPDATE, DELETE or TRUNCATE, not even by the owner.
    await q.query(`
      CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

      -- The one way in. It runs as the owner (SECURITY DEFINER) because the chain links each row to the previous
      -- row of *any* organisation, which the app role may not read. Rows are numbered without gaps under a lock,
      -- so a deleted row shows up as a break in the chain. The canonical text is recomputed independently by the
      -- verification command (apps/api/src/access-log/hash-chain.ts); keep the two in step.
      CREATE FUNCTION access_log_append(
        p_user_id uuid, p_roles text, p_organisation_id uuid, p_operation text, p_object_ids text[],
        p_result text, p_reason text, p_request_id text
      ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_prev record;
        v_seq bigint;
        v_prev_hash text;
        v_at timestamptz := clock_timestamp();
        v_canonical text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7513);
        SELECT seq, hash INTO v_prev FROM access_log ORDER BY seq DESC LIMIT 1;
        v_seq := coalesce(v_prev.seq, 0) + 1;
        v_prev_hash := coalesce(v_prev.hash, repeat('0', 64));
        v_canonical := concat_ws(chr(31),
          v_seq::text,
          to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(p_user_id::text, '\\N'),
          coalesce(p_roles, '\\N'),
          coalesce(p_organisation_id::text, '\\N'),
          p_operation,
          array_to_string(coalesce(p_object_ids, '{}'), ','),
          p_result,
          coalesce(p_reason, '\\N'),
          coalesce(p_request_id, '\\N'),
          v_prev_hash);
        INSERT INTO access_log (seq, occurred_at, user_id, roles, organisation_id, operation, object_ids, result,
                                reason, request_id, prev_hash, hash)
        VALUES (v_seq, v_at, p_user_id, p_roles, p_organisation_id, p_operation, coalesce(p_object_ids, '{}'),
                p_result, p_reason, p_request_id, v_prev_hash,
                encode(sha256(convert_to(v_canonical, 'UTF8')), 'hex'));
        RETURN v_seq;
      END $$;
      REVOKE ALL ON FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text) FROM PUBLIC;
    `);

    // What the app role may do: nothing it does not need. It owns nothing.
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON organisations TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON users TO babyconnect_app;
      GRANT SELECT ON access_log TO babyconnect_app;
      GRANT EXECUTE ON FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text) TO babyconnect_app;
      GRANT EXECUTE ON FUNCTION app_current_tenant(), app_is_platform_admin() TO babyconnect_app;
      -- Readiness checks whether migrations are pending.
      GRANT SELECT ON migrations TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE SELECT ON migrations FROM babyconnect_app;
      DROP FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text);
      DROP TABLE access_log;
      DROP FUNCTION access_log_refuse_change();
      DROP TABLE users;
      DROP TABLE organisations;
      DROP TYPE contact_role;
      DROP TYPE organisation_kind;
      DROP FUNCTION app_is_platform_admin();
      DROP FUNCTION app_current_tenant();
    `);
  }
}
