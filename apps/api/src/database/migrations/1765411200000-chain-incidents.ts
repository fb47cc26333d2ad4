import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chain incidents (issue 17): the chain part of a breach, shared between the reporting organisation, HINQ's
 * coordinators and the partners that were informed — and nobody else.
 *
 * - `chain_incidents`: one per breach declared situation A or C (`organisation_id` is the reporter's; the breach
 *   itself stays in the reporter's `incidents` row, which no other organisation reads).
 * - `chain_partners`: one per partner chosen to be informed: the reasoning, its adjusted notification, approval,
 *   sending (late: the reasons), acknowledgement, and the ordinary incident made in the partner's own tenant.
 * - `chain_timeline`: the shared timeline, append-only.
 *
 * Row-level security of their own (FORCE), failing closed on an empty setting:
 * - the reporter: `organisation_id = app_current_tenant()`;
 * - HINQ's coordinators: `app_is_hinq_coordinator()` — the request acts for HINQ *and* its person holds the
 *   hinq-coordinator role, which the API sets transaction-locally in `app.hinq_coordinator` (a HINQ employee
 *   without the role sees nothing);
 * - an informed partner: its own `chain_partners` row once sent, the chain incident and the timeline — never the
 *   other partners' notifications; a partner that was chosen but not (yet) informed sees no row at all.
 * The notification worker reads chain rows to decide whether a chain timer still has something to say.
 *
 * Writing into another organisation (the linked incident in the partner's tenant, the reporter's chain timers when
 * HINQ acts): `chain_enter_tenant` (SECURITY DEFINER) switches `app.tenant_id` for the rest of the work only after
 * checking, in the database, that the caller is the chain incident's reporter or HINQ's coordinator and the target
 * is the reporter or an *informed* partner of that chain incident; `chain_leave_tenant` switches back. Reading the
 * partners' own progress for HINQ's matrix goes through `chain_partner_progress` (SECURITY DEFINER), which returns
 * a handful of facts (AP decision taken, data subjects informed, clock inputs), never an incident's content.
 *
 * Also: `organisations.left_chain_at` (a partner that left the chain can no longer be chosen), and the new
 * notification events and timer kinds of the chain's 24-hour clocks and acknowledgement reminders.
 */
export class ChainIncidents1765411200000 implements MigrationInterface {
  name = 'ChainIncidents1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations ADD COLUMN left_chain_at timestamptz;

      CREATE FUNCTION app_is_hinq_coordinator() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.hinq_coordinator', true), '') = 'on'
           AND EXISTS (SELECT 1 FROM organisations WHERE kind = 'HINQ' AND id = app_current_tenant())
      $$;

      CREATE TABLE chain_incidents (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        source_incident_id uuid NOT NULL,
        scenario text NOT NULL CHECK (scenario IN ('A', 'C')),
        reference text NOT NULL CHECK (length(reference) <= 50),
        exercise boolean NOT NULL,
        discovered_at timestamptz NOT NULL,
        partner_deadline timestamptz NOT NULL,
        declared_at timestamptz NOT NULL,
        declared_by uuid NOT NULL REFERENCES users (id),
        content jsonb CHECK (content IS NULL OR jsonb_typeof(content) = 'object'),
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (organisation_id, source_incident_id) REFERENCES incidents (organisation_id, id),
        UNIQUE (source_incident_id),
        UNIQUE (organisation_id, id)
      );
      CREATE INDEX chain_incidents_by_reporter ON chain_incidents (organisation_id, declared_at DESC);

      CREATE TABLE chain_partners (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        organisation_id uuid NOT NULL,
        chain_incident_id uuid NOT NULL,
        partner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        reasoning text NOT NULL CHECK (length(reasoning) BETWEEN 1 AND 4000),
        chosen_at timestamptz NOT NULL,
        chosen_by uuid NOT NULL REFERENCES users (id),
        chosen_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
        contact_reachable boolean NOT NULL,
        adjustment jsonb CHECK (adjustment IS NULL OR jsonb_typeof(adjustment) = 'object'),
        approved_at timestamptz,
        approved_by uuid REFERENCES users (id),
        approved_by_organisation_id uuid REFERENCES organisations (id),
        approved_content jsonb,
        sent_at timestamptz,
        sent_by uuid REFERENCES users (id),
        delay_reasons text,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users (id),
        linked_incident_id uuid,
        FOREIGN KEY (organisation_id, chain_incident_id) REFERENCES chain_incidents (organisation_id, id),
        FOREIGN KEY (partner_organisation_id, linked_incident_id) REFERENCES incidents (organisation_id, id),
        UNIQUE (chain_incident_id, partner_organisation_id),
        CHECK (partner_organisation_id <> organisation_id),
        CHECK ((approved_at IS NULL) = (approved_content IS NULL)),
        CHECK (sent_at IS NULL OR approved_at IS NOT NULL),
        CHECK (acknowledged_at IS NULL OR sent_at IS NOT NULL),
        CHECK (linked_incident_id IS NULL OR sent_at IS NOT NULL)
      );
      CREATE INDEX chain_partners_by_partner ON chain_partners (partner_organisation_id) WHERE sent_at IS NOT NULL;

      CREATE TABLE chain_timeline (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        -- The order of posting, also for two posts in the same microsecond.
        seq bigserial NOT NULL,
        organisation_id uuid NOT NULL,
        chain_incident_id uuid NOT NULL,
        author_kind text NOT NULL CHECK (author_kind IN ('reporter', 'coordinator', 'partner')),
        author_organisation_id uuid NOT NULL REFERENCES organisations (id),
        author_user uuid NOT NULL REFERENCES users (id),
        at timestamptz NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        FOREIGN KEY (organisation_id, chain_incident_id) REFERENCES chain_incidents (organisation_id, id)
      );
      CREATE INDEX chain_timeline_by_chain ON chain_timeline (chain_incident_id, seq);
      CREATE TRIGGER chain_timeline_no_update BEFORE UPDATE OR DELETE ON chain_timeline
        FOR EACH ROW EXECUTE FUNCTION incident_events_refuse_change();

      -- Whether the current tenant is an informed partner of the chain incident. SECURITY DEFINER: a policy on
      -- chain_incidents that read chain_partners under its own policy would recurse.
      CREATE FUNCTION app_chain_informed(p_chain uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM chain_partners WHERE chain_incident_id = p_chain
                          AND partner_organisation_id = app_current_tenant() AND sent_at IS NOT NULL)
      $$;
    `);

    await q.query(`
      ALTER TABLE chain_incidents ENABLE ROW LEVEL SECURITY;
      ALTER TABLE chain_incidents FORCE ROW LEVEL SECURITY;
      CREATE POLICY chain_incidents_read ON chain_incidents FOR SELECT TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_is_hinq_coordinator() OR app_chain_informed(id)
               OR app_is_notification_worker());
      CREATE POLICY chain_incidents_declare ON chain_incidents FOR INSERT TO babyconnect_app
        WITH CHECK (organisation_id = app_current_tenant());
      CREATE POLICY chain_incidents_change ON chain_incidents FOR UPDATE TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_is_hinq_coordinator())
        WITH CHECK (organisation_id = app_current_tenant() OR app_is_hinq_coordinator());
      CREATE POLICY chain_incidents_owner ON chain_incidents TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE chain_partners ENABLE ROW LEVEL SECURITY;
      ALTER TABLE chain_partners FORCE ROW LEVEL SECURITY;
      CREATE POLICY chain_partners_read ON chain_partners FOR SELECT TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_is_hinq_coordinator()
               OR (partner_organisation_id = app_current_tenant() AND sent_at IS NOT NULL)
               OR app_is_notification_worker());
      CREATE POLICY chain_partners_choose ON chain_partners FOR INSERT TO babyconnect_app
        WITH CHECK (organisation_id = app_current_tenant() OR app_is_hinq_coordinator());
      CREATE POLICY chain_partners_change ON chain_partners FOR UPDATE TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_is_hinq_coordinator()
               OR (partner_organisation_id = app_current_tenant() AND sent_at IS NOT NULL))
        WITH CHECK (organisation_id = app_current_tenant() OR app_is_hinq_coordinator()
               OR (partner_organisation_id = app_current_tenant() AND sent_at IS NOT NULL));
      CREATE POLICY chain_partners_owner ON chain_partners TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE chain_timeline ENABLE ROW LEVEL SECURITY;
      ALTER TABLE chain_timeline FORCE ROW LEVEL SECURITY;
      CREATE POLICY chain_timeline_read ON chain_timeline FOR SELECT TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_is_hinq_coordinator()
               OR app_chain_informed(chain_incident_id));
      CREATE POLICY chain_timeline_post ON chain_timeline FOR INSERT TO babyconnect_app
        WITH CHECK (author_organisation_id = app_current_tenant()
                    AND (organisation_id = app_current_tenant() OR app_is_hinq_coordinator()
                         OR app_chain_informed(chain_incident_id)));
      CREATE POLICY chain_timeline_owner ON chain_timeline TO CURRENT_USER USING (true) WITH CHECK (true);

      -- An informed partner may record its acknowledgement and its linked incident, nothing else of the row: the
      -- notification's words, approval and sending are the reporter's and HINQ's.
      CREATE FUNCTION chain_partners_guard_partner_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.partner_organisation_id = app_current_tenant() AND NEW.organisation_id <> app_current_tenant()
           AND NOT app_is_hinq_coordinator()
           AND (ROW(NEW.reasoning, NEW.adjustment, NEW.approved_at, NEW.approved_content, NEW.sent_at, NEW.sent_by,
                    NEW.delay_reasons, NEW.contact_reachable, NEW.partner_organisation_id, NEW.chain_incident_id)
                IS DISTINCT FROM
                ROW(OLD.reasoning, OLD.adjustment, OLD.approved_at, OLD.approved_content, OLD.sent_at, OLD.sent_by,
                    OLD.delay_reasons, OLD.contact_reachable, OLD.partner_organisation_id, OLD.chain_incident_id)
                OR (OLD.acknowledged_at IS NOT NULL AND NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at)) THEN
          RAISE EXCEPTION 'an informed partner may only acknowledge its notification' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER chain_partners_partner_change BEFORE UPDATE ON chain_partners
        FOR EACH ROW EXECUTE FUNCTION chain_partners_guard_partner_change();
    `);

    await q.query(`
      CREATE FUNCTION chain_enter_tenant(p_chain uuid, p_target uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
      DECLARE
        v_caller uuid := app_current_tenant();
        v_coordinator boolean := app_is_hinq_coordinator();
        v_reporter uuid;
      BEGIN
        IF coalesce(current_setting('app.chain_return_tenant', true), '') <> '' THEN
          RAISE EXCEPTION 'chain: already acting in another organisation' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT organisation_id INTO v_reporter FROM chain_incidents WHERE id = p_chain;
        IF v_caller IS NULL OR v_reporter IS NULL OR NOT (v_caller = v_reporter OR v_coordinator) THEN
          RAISE EXCEPTION 'chain: only the reporter or HINQ''s coordinator acts in another organisation'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT (p_target = v_reporter OR EXISTS (SELECT 1 FROM chain_partners WHERE chain_incident_id = p_chain
                  AND partner_organisation_id = p_target AND sent_at IS NOT NULL)) THEN
          RAISE EXCEPTION 'chain: the target is neither the reporter nor an informed partner'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM set_config('app.chain_return_tenant', v_caller::text, true);
        PERFORM set_config('app.chain_return_coordinator', CASE WHEN v_coordinator THEN 'on' ELSE '' END, true);
        PERFORM set_config('app.hinq_coordinator', '', true);
        PERFORM set_config('app.tenant_id', p_target::text, true);
      END $$;

      CREATE FUNCTION chain_leave_tenant() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
      DECLARE
        v_return text := coalesce(current_setting('app.chain_return_tenant', true), '');
      BEGIN
        IF v_return = '' THEN
          RAISE EXCEPTION 'chain: not acting in another organisation' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM set_config('app.tenant_id', v_return, true);
        PERFORM set_config('app.hinq_coordinator', coalesce(current_setting('app.chain_return_coordinator', true), ''), true);
        PERFORM set_config('app.chain_return_tenant', '', true);
        PERFORM set_config('app.chain_return_coordinator', '', true);
      END $$;

      -- HINQ's matrix and the reporter's: per informed partner, how far its own incident is — facts, not content.
      CREATE FUNCTION chain_partner_progress(p_chain uuid)
        RETURNS TABLE (partner_id uuid, stage text, discovered_at timestamptz, ap_deadline timestamptz,
                       ap_notified_at timestamptz, ap_not_needed boolean, ap_decided boolean,
                       data_subjects_decided boolean, data_subjects_informed_at timestamptz)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM chain_incidents c WHERE c.id = p_chain
                         AND (c.organisation_id = app_current_tenant() OR app_is_hinq_coordinator())) THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT p.id, i.stage, i.discovered_at, i.ap_deadline, i.ap_notified_at, i.ap_not_needed,
                 (i.state -> 'apDecision') IS NOT NULL AND jsonb_typeof(i.state -> 'apDecision') = 'object',
                 (i.state -> 'dataSubjectDecision') IS NOT NULL AND jsonb_typeof(i.state -> 'dataSubjectDecision') = 'object',
                 (i.state ->> 'dataSubjectsInformedAt')::timestamptz
            FROM chain_partners p
            JOIN incidents i ON i.organisation_id = p.partner_organisation_id AND i.id = p.linked_incident_id
           WHERE p.chain_incident_id = p_chain;
      END $$;

      -- HINQ's chain-wide figures: per organisation and quarter (Amsterdam), breaches, near misses and chain
      -- incidents reported; exercises never count. Coordinators only.
      CREATE FUNCTION chain_quarterly_figures(p_from timestamptz, p_to timestamptz)
        RETURNS TABLE (organisation_id uuid, quarter text, reported bigint, breaches bigint, near_misses bigint,
                       chain_incidents bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT app_is_hinq_coordinator() THEN RETURN; END IF;
        RETURN QUERY
          WITH quarters AS (
            -- Quarter starts on the Amsterdam calendar (local timestamps: day 1 plus 3 months stays day 1).
            SELECT to_char(g, 'YYYY-"Q"Q') AS quarter
              FROM generate_series(date_trunc('quarter', p_from AT TIME ZONE 'Europe/Amsterdam'),
                                   date_trunc('quarter', p_to AT TIME ZONE 'Europe/Amsterdam'), interval '3 months') g
          ), counted AS (
            SELECT i.organisation_id AS org, to_char(i.reported_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-"Q"Q') AS q,
                   count(*) AS reported,
                   count(*) FILTER (WHERE i.state #>> '{assessment,conclusion}' = 'breach') AS breaches,
                   count(*) FILTER (WHERE i.state #>> '{assessment,conclusion}' = 'near-miss') AS near_misses,
                   count(c.id) AS chains
              FROM incidents i LEFT JOIN chain_incidents c ON c.source_incident_id = i.id
             WHERE NOT i.exercise AND i.reported_at >= p_from AND i.reported_at < p_to
             GROUP BY 1, 2
          )
          SELECT o.id, qs.quarter, coalesce(ct.reported, 0), coalesce(ct.breaches, 0), coalesce(ct.near_misses, 0),
                 coalesce(ct.chains, 0)
            FROM organisations o CROSS JOIN quarters qs
            LEFT JOIN counted ct ON ct.org = o.id AND ct.q = qs.quarter
           WHERE o.kind <> 'HINQ'
           ORDER BY qs.quarter, o.id;
      END $$;

      REVOKE ALL ON FUNCTION chain_enter_tenant(uuid, uuid), chain_leave_tenant(), chain_partner_progress(uuid),
        chain_quarterly_figures(timestamptz, timestamptz), app_chain_informed(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION chain_enter_tenant(uuid, uuid), chain_leave_tenant(), chain_partner_progress(uuid),
        chain_quarterly_figures(timestamptz, timestamptz), app_chain_informed(uuid), app_is_hinq_coordinator() TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON chain_incidents, chain_partners TO babyconnect_app;
      GRANT SELECT, INSERT ON chain_timeline TO babyconnect_app;
      GRANT USAGE ON SEQUENCE chain_timeline_seq_seq TO babyconnect_app;
    `);

    await q.query(`
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_event_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_check CHECK (event IN (
        'breach-reported', 'other-organisations-involved', 'decision-recorded', 'deadline-reminder', 'deadline-overdue',
        'chain-incident-declared', 'partner-informed', 'partner-unreachable', 'partner-inform-reminder',
        'partner-inform-overdue', 'partner-ack-reminder', 'partner-ack-escalation'));
      ALTER TABLE notification_timers DROP CONSTRAINT notification_timers_kind_check;
      ALTER TABLE notification_timers ADD CONSTRAINT notification_timers_kind_check CHECK (kind IN (
        'ap-reminder', 'ap-overdue', 'partner-inform-reminder', 'partner-inform-overdue', 'partner-ack-reminder',
        'partner-ack-escalation'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_timers WHERE kind NOT IN ('ap-reminder', 'ap-overdue');
      ALTER TABLE notification_timers DROP CONSTRAINT notification_timers_kind_check;
      ALTER TABLE notification_timers ADD CONSTRAINT notification_timers_kind_check
        CHECK (kind IN ('ap-reminder', 'ap-overdue'));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_event_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_check CHECK (event IN (
        'breach-reported', 'other-organisations-involved', 'decision-recorded', 'deadline-reminder', 'deadline-overdue'))
        NOT VALID;
      DROP FUNCTION chain_quarterly_figures(timestamptz, timestamptz);
      DROP FUNCTION chain_partner_progress(uuid);
      DROP FUNCTION chain_leave_tenant();
      DROP FUNCTION chain_enter_tenant(uuid, uuid);
      DROP TABLE chain_timeline;
      DROP TRIGGER chain_partners_partner_change ON chain_partners;
      DROP FUNCTION chain_partners_guard_partner_change();
      DROP TABLE chain_partners;
      DROP FUNCTION app_chain_informed(uuid);
      DROP TABLE chain_incidents;
      DROP FUNCTION app_is_hinq_coordinator();
      ALTER TABLE organisations DROP COLUMN left_chain_at;
    `);
  }
}
