import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log becomes one hash chain per organisation (plus a platform chain for requests that belong to no
 * organisation), with an unambiguous, length-prefixed hash encoding and one row per request.
 *
 * Why: one global chain behind one advisory lock serialised every request of every organisation, and its gap-free
 * global sequence told an organisation how many requests the others made. The old encoding joined values with a
 * separator character that a value could itself contain, so two different rows could hash alike.
 *
 * Two steps, so that no request waits for another to be chained:
 * - `access_log_append` (inside the request's own transaction) writes the row to `access_log_pending`: no lock, no
 *   sequence number yet. It commits with the work or not at all.
 * - `access_log_seal` (called by the API right after, and every second as a safety net, by any instance) moves
 *   committed pending rows into `access_log`, numbering and hashing them per chain under a lock on that chain's
 *   head row in `access_log_heads`. One seal covers every row waiting, so a busy organisation's requests do not
 *   queue on its chain: they commit in parallel (PostgreSQL groups their WAL flushes) and are chained in batches.
 * The head (sequence, hash, time) is what the signed anchor outside the database records (access-log/anchor.ts).
 *
 * Rows written before this migration stay, untouched and still append-only, in `access_log_v1` (the old single
 * chain); new rows go to the new `access_log`.
 */
export class AccessLogChains1764979200000 implements MigrationInterface {
  name = 'AccessLogChains1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE access_log RENAME TO access_log_v1;
      ALTER INDEX access_log_by_organisation RENAME TO access_log_v1_by_organisation;
      DROP FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text);

      -- The chain of requests that act for no organisation (no token, no membership, the platform admin's reads).
      CREATE FUNCTION access_log_platform_chain() RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
        SELECT '00000000-0000-0000-0000-000000000000'::uuid
      $$;

      CREATE TABLE access_log (
        chain_id uuid NOT NULL,
        seq bigint NOT NULL CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        user_id uuid,
        roles text CHECK (length(roles) <= 200),
        -- The organisation the request acted for (null: none was resolved).
        organisation_id uuid,
        -- The organisation the request concerned without acting for it: a refused cross-tenant attempt, or an
        -- admin change of that organisation. Its chain holds the row, so its FG sees it.
        target_organisation_id uuid,
        operation text NOT NULL CHECK (length(operation) <= 200),
        -- The request's top-level fields with their outcome, e.g. {organisations:allowed,accessLog:refused}.
        fields text[] NOT NULL CHECK (cardinality(fields) <= 100),
        object_ids text[] NOT NULL CHECK (cardinality(object_ids) <= 100),
        result text NOT NULL CHECK (result IN ('allowed', 'refused', 'failed')),
        reason text CHECK (length(reason) <= 200),
        request_id text CHECK (length(request_id) <= 100),
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (chain_id, seq)
      );

      -- Rows written, not yet chained. Same columns as access_log without seq and hashes; written only by
      -- access_log_append, emptied only by access_log_seal.
      CREATE TABLE access_log_pending (
        id bigserial PRIMARY KEY,
        chain_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        user_id uuid,
        roles text CHECK (length(roles) <= 200),
        organisation_id uuid,
        target_organisation_id uuid,
        operation text NOT NULL CHECK (length(operation) <= 200),
        fields text[] NOT NULL CHECK (cardinality(fields) <= 100),
        object_ids text[] NOT NULL CHECK (cardinality(object_ids) <= 100),
        result text NOT NULL CHECK (result IN ('allowed', 'refused', 'failed')),
        reason text CHECK (length(reason) <= 200),
        request_id text CHECK (length(request_id) <= 100)
      );
      CREATE INDEX access_log_pending_by_chain ON access_log_pending (chain_id, id);

      CREATE TABLE access_log_heads (
        chain_id uuid PRIMARY KEY,
        seq bigint NOT NULL,
        hash text NOT NULL,
        occurred_at timestamptz NOT NULL
      );
      INSERT INTO access_log_heads (chain_id, seq, hash, occurred_at)
        SELECT access_log_platform_chain(), 0, repeat('0', 64), now()
        UNION ALL SELECT id, 0, repeat('0', 64), now() FROM organisations;

      -- Every organisation gets its chain the moment it exists.
      CREATE FUNCTION access_log_open_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO access_log_heads (chain_id, seq, hash, occurred_at) VALUES (NEW.id, 0, repeat('0', 64), now())
          ON CONFLICT (chain_id) DO NOTHING;
        RETURN NEW;
      END $$;
      REVOKE ALL ON FUNCTION access_log_open_chain() FROM PUBLIC;
      CREATE TRIGGER organisations_open_chain AFTER INSERT ON organisations
        FOR EACH ROW EXECUTE FUNCTION access_log_open_chain();
    `);

    await q.query(`
      ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_log_read_own_chain ON access_log FOR SELECT TO babyconnect_app
        USING (chain_id = app_current_tenant());
      CREATE POLICY access_log_owner ON access_log TO CURRENT_USER USING (true) WITH CHECK (true);

      -- Nobody but the two functions (running as the owner) touches pending rows.
      ALTER TABLE access_log_pending ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_log_pending FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_log_pending_owner ON access_log_pending TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE access_log_heads ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_log_heads FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_log_heads_read_own ON access_log_heads FOR SELECT TO babyconnect_app
        USING (chain_id = app_current_tenant());
      CREATE POLICY access_log_heads_owner ON access_log_heads TO CURRENT_USER USING (true) WITH CHECK (true);

      CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
      -- A head only moves forward (the seal function below moves it with the rows it chains).
      CREATE FUNCTION access_log_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' OR NEW.chain_id <> OLD.chain_id OR NEW.seq <= OLD.seq THEN
          RAISE EXCEPTION 'access_log_heads only moves forward (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER access_log_heads_forward_only BEFORE UPDATE OR DELETE ON access_log_heads
        FOR EACH ROW EXECUTE FUNCTION access_log_head_forward_only();
      CREATE TRIGGER access_log_heads_no_truncate BEFORE TRUNCATE ON access_log_heads
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
    `);

    // The hash encoding: every value length-prefixed ('N' for null, 'S<bytes>:<text>', 'A<count>:<elements>'), so
    // no value can imitate a boundary. apps/api/src/access-log/hash-chain.ts computes the same bytes.
    await q.query(`
      CREATE FUNCTION access_log_enc(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN v IS NULL THEN 'N' ELSE 'S' || octet_length(convert_to(v, 'UTF8'))::text || ':' || v END
      $$;
      CREATE FUNCTION access_log_enc_array(v text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT 'A' || coalesce(cardinality(v), 0)::text || ':'
          || coalesce((SELECT string_agg(access_log_enc(e), '' ORDER BY i) FROM unnest(v) WITH ORDINALITY AS t(e, i)), '')
      $$;

      -- The one way in, inside the request's transaction. SECURITY DEFINER: the app role cannot write the log
      -- tables. The caller names the chain (the acting or the targeted organisation); an unknown chain falls
      -- back to the platform chain, so a log write never fails on input. Takes no lock.
      CREATE FUNCTION access_log_append(
        p_chain_id uuid, p_user_id uuid, p_roles text, p_organisation_id uuid, p_target_organisation_id uuid,
        p_operation text, p_fields text[], p_object_ids text[], p_result text, p_reason text, p_request_id text
      ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_chain uuid := coalesce(p_chain_id, access_log_platform_chain());
        v_id bigint;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM access_log_heads WHERE chain_id = v_chain) THEN
          v_chain := access_log_platform_chain();
        END IF;
        INSERT INTO access_log_pending (chain_id, occurred_at, user_id, roles, organisation_id, target_organisation_id,
                                        operation, fields, object_ids, result, reason, request_id)
        VALUES (v_chain, clock_timestamp(), p_user_id, p_roles, p_organisation_id, p_target_organisation_id,
                p_operation, coalesce(p_fields, '{}'), coalesce(p_object_ids, '{}'), p_result, p_reason, p_request_id)
        RETURNING id INTO v_id;
        RETURN v_id;
      END $$;
      REVOKE ALL ON FUNCTION access_log_append(uuid, uuid, text, uuid, uuid, text, text[], text[], text, text, text)
        FROM PUBLIC;

      -- Chains the committed pending rows: per chain, under a lock on its head row, in the order they were written,
      -- numbered without gaps. p_wait: wait for a chain another seal holds (else skip it; that seal, or the next,
      -- takes the rows). Returns how many rows it chained.
      CREATE FUNCTION access_log_seal(p_wait boolean DEFAULT false, p_limit integer DEFAULT 5000)
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_chain uuid;
        v_head record;
        v_row record;
        v_seq bigint;
        v_hash text;
        v_at timestamptz;
        v_ids bigint[];
        v_count integer := 0;
      BEGIN
        FOR v_chain IN SELECT DISTINCT chain_id FROM access_log_pending LOOP
          IF p_wait THEN
            SELECT seq, hash INTO v_head FROM access_log_heads WHERE chain_id = v_chain FOR UPDATE;
          ELSE
            SELECT seq, hash INTO v_head FROM access_log_heads WHERE chain_id = v_chain FOR UPDATE SKIP LOCKED;
          END IF;
          CONTINUE WHEN NOT FOUND;
          v_seq := v_head.seq;
          v_hash := v_head.hash;
          v_ids := '{}';
          FOR v_row IN SELECT * FROM access_log_pending WHERE chain_id = v_chain ORDER BY id LIMIT p_limit LOOP
            v_seq := v_seq + 1;
            v_at := v_row.occurred_at;
            INSERT INTO access_log (chain_id, seq, occurred_at, user_id, roles, organisation_id,
                                    target_organisation_id, operation, fields, object_ids, result, reason,
                                    request_id, prev_hash, hash)
            VALUES (v_chain, v_seq, v_at, v_row.user_id, v_row.roles, v_row.organisation_id,
                    v_row.target_organisation_id, v_row.operation, v_row.fields, v_row.object_ids, v_row.result,
                    v_row.reason, v_row.request_id, v_hash,
                    encode(sha256(convert_to(
                      'babyconnect-access-log-v2'
                      || access_log_enc(v_chain::text)
                      || access_log_enc(v_seq::text)
                      || access_log_enc(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                      || access_log_enc(v_row.user_id::text)
                      || access_log_enc(v_row.roles)
                      || access_log_enc(v_row.organisation_id::text)
                      || access_log_enc(v_row.target_organisation_id::text)
                      || access_log_enc(v_row.operation)
                      || access_log_enc_array(v_row.fields)
                      || access_log_enc_array(v_row.object_ids)
                      || access_log_enc(v_row.result)
                      || access_log_enc(v_row.reason)
                      || access_log_enc(v_row.request_id)
                      || access_log_enc(v_hash), 'UTF8')), 'hex'))
            RETURNING hash INTO v_hash;
            v_ids := v_ids || v_row.id;
            v_count := v_count + 1;
          END LOOP;
          IF cardinality(v_ids) > 0 THEN
            -- Exactly the rows chained above: a row with a lower id that committed meanwhile waits for the next seal.
            DELETE FROM access_log_pending WHERE id = ANY (v_ids);
            UPDATE access_log_heads SET seq = v_seq, hash = v_hash, occurred_at = v_at WHERE chain_id = v_chain;
          END IF;
        END LOOP;
        RETURN v_count;
      END $$;
      REVOKE ALL ON FUNCTION access_log_seal(boolean, integer) FROM PUBLIC;

      -- Whether anybody has acted for an organisation: its alias may then no longer change (an alias maps the
      -- identity provider's groups to the organisation). SECURITY DEFINER: the platform admin reads no log.
      CREATE FUNCTION organisation_has_members(p_organisation_id uuid) RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM access_log WHERE chain_id = p_organisation_id AND organisation_id = p_organisation_id
                         AND user_id IS NOT NULL)
            OR EXISTS (SELECT 1 FROM access_log_pending WHERE organisation_id = p_organisation_id AND user_id IS NOT NULL)
            OR EXISTS (SELECT 1 FROM access_log_v1 WHERE organisation_id = p_organisation_id AND user_id IS NOT NULL)
      $$;
      REVOKE ALL ON FUNCTION organisation_has_members(uuid) FROM PUBLIC;

      REVOKE SELECT ON access_log_v1 FROM babyconnect_app;
      GRANT SELECT ON access_log, access_log_heads TO babyconnect_app;
      GRANT EXECUTE ON FUNCTION
        access_log_append(uuid, uuid, text, uuid, uuid, text, text[], text[], text, text, text),
        access_log_seal(boolean, integer),
        organisation_has_members(uuid)
        TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION organisation_has_members(uuid);
      DROP FUNCTION access_log_seal(boolean, integer);
      DROP FUNCTION access_log_append(uuid, uuid, text, uuid, uuid, text, text[], text[], text, text, text);
      DROP TABLE access_log_pending;
      DROP FUNCTION access_log_enc_array(text[]);
      DROP FUNCTION access_log_enc(text);
      DROP TRIGGER organisations_open_chain ON organisations;
      DROP FUNCTION access_log_open_chain();
      DROP TABLE access_log_heads;
      DROP FUNCTION access_log_head_forward_only();
      DROP TABLE access_log;
      DROP FUNCTION access_log_platform_chain();
      ALTER TABLE access_log_v1 RENAME TO access_log;
      ALTER INDEX access_log_v1_by_organisation RENAME TO access_log_by_organisation;
      GRANT SELECT ON access_log TO babyconnect_app;
    `);
    // The single-chain append function of the initial migration, as it was.
    await q.query(`
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
      GRANT EXECUTE ON FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text) TO babyconnect_app;
    `);
  }
}
