import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HINQ's reporting-rate figures count the viewer-log detection (issue 18, item 3): per organisation and quarter,
 * besides the incidents reported, how many of those the detection raised (`detection_alerts`: reported by its
 * system user) and how many detection alerts a privacy officer dismissed with a reason (`dismissed_alerts`, in the
 * quarter of the dismissal) — a dismissed alert is a signal that the organisation looks, so it counts against the
 * low-reporting flag (libs/domain `lowReportingSignal`).
 *
 * The function's result type changes, so it is dropped and created again with the same guard (HINQ's coordinator
 * only; anyone else gets no rows), owner, SECURITY DEFINER and grants as in 1765411200000.
 */
export class FiguresCountAlerts1766000000000 implements MigrationInterface {
  name = 'FiguresCountAlerts1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION chain_quarterly_figures(timestamptz, timestamptz);
      CREATE FUNCTION chain_quarterly_figures(p_from timestamptz, p_to timestamptz)
        RETURNS TABLE (organisation_id uuid, quarter text, reported bigint, breaches bigint, near_misses bigint,
                       chain_incidents bigint, detection_alerts bigint, dismissed_alerts bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT app_is_hinq_coordinator() THEN RETURN; END IF;
        RETURN QUERY
          WITH quarters AS (
            -- Quarter starts on the Amsterdam calendar (local timestamps: day 1 plus 3 months stays day 1).
            SELECT to_char(g, 'YYYY-"Q"Q') AS quarter
              FROM generate_series(date_trunc('quarter', p_from AT TIME ZONE 'Europe/Amsterdam'),
                                   date_trunc('quarter', p_to AT TIME ZONE 'Europe/Amsterdam'), interval '3 months') g
          ), detection AS (
            SELECT id FROM users WHERE issuer = 'urn:babyconnect:system' AND subject = 'viewer-log-detection'
          ), counted AS (
            SELECT i.organisation_id AS org, to_char(i.reported_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-"Q"Q') AS q,
                   count(*) AS reported,
                   count(*) FILTER (WHERE i.state #>> '{assessment,conclusion}' = 'breach') AS breaches,
                   count(*) FILTER (WHERE i.state #>> '{assessment,conclusion}' = 'near-miss') AS near_misses,
                   count(c.id) AS chains,
                   count(*) FILTER (WHERE i.reported_by IN (SELECT id FROM detection)) AS detected
              FROM incidents i LEFT JOIN chain_incidents c ON c.source_incident_id = i.id
             WHERE NOT i.exercise AND i.reported_at >= p_from AND i.reported_at < p_to
             GROUP BY 1, 2
          ), dismissed AS (
            SELECT a.organisation_id AS org,
                   to_char(a.dismissed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-"Q"Q') AS q, count(*) AS n
              FROM viewer_log_alerts a
             WHERE a.dismissed_at >= p_from AND a.dismissed_at < p_to
             GROUP BY 1, 2
          )
          SELECT o.id, qs.quarter, coalesce(ct.reported, 0), coalesce(ct.breaches, 0), coalesce(ct.near_misses, 0),
                 coalesce(ct.chains, 0), coalesce(ct.detected, 0), coalesce(d.n, 0)
            FROM organisations o CROSS JOIN quarters qs
            LEFT JOIN counted ct ON ct.org = o.id AND ct.q = qs.quarter
            LEFT JOIN dismissed d ON d.org = o.id AND d.q = qs.quarter
           WHERE o.kind <> 'HINQ'
           ORDER BY qs.quarter, o.id;
      END $$;
      REVOKE ALL ON FUNCTION chain_quarterly_figures(timestamptz, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION chain_quarterly_figures(timestamptz, timestamptz) TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION chain_quarterly_figures(timestamptz, timestamptz);
      CREATE FUNCTION chain_quarterly_figures(p_from timestamptz, p_to timestamptz)
        RETURNS TABLE (organisation_id uuid, quarter text, reported bigint, breaches bigint, near_misses bigint,
                       chain_incidents bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT app_is_hinq_coordinator() THEN RETURN; END IF;
        RETURN QUERY
          WITH quarters AS (
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
      REVOKE ALL ON FUNCTION chain_quarterly_figures(timestamptz, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION chain_quarterly_figures(timestamptz, timestamptz) TO babyconnect_app;
    `);
  }
}
