import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fixedClock,
  incidentApClock,
  parseGroupMemberships,
  privacyWarnings,
  type Actor,
  type BreachIncident,
  type OrganisationKind,
} from '@babyconnect/domain';
import { demoIncidents, type DemoIncident } from './demo-incidents';
import { playDemoScript } from './seed-demo-incidents';

// The scripts alone, through the workflow without a database: every step accepted, every text clean, each
// incident standing where the README's demo table says. demo-incidents.e2e.spec.ts checks the stored result.

const ROOT = join(__dirname, '../../../..');
const NOW = new Date('2026-03-10T09:00:00Z');
const demoUsers = (
  JSON.parse(readFileSync(join(ROOT, 'infra/keycloak/babyconnect-demo.json'), 'utf8')) as {
    users: { id: string; username: string; groups: string[] }[];
  }
).users;
const organisations = (
  JSON.parse(readFileSync(join(ROOT, 'infra/demo/organisations.json'), 'utf8')) as {
    organisations: { alias: string; kind: OrganisationKind }[];
  }
).organisations;

function actorIn(alias: string) {
  return (username: string): Actor => {
    const user = demoUsers.find((u) => u.username === username)!;
    return { personId: user.id, roles: parseGroupMemberships(user.groups).byAlias.get(alias) ?? [] };
  };
}

function play(script: DemoIncident, now = NOW) {
  const kind = organisations.find((o) => o.alias === script.organisation)!.kind;
  return playDemoScript(script, kind, actorIn(script.organisation), now);
}

const final = (script: DemoIncident): BreachIncident => play(script).at(-1)!.incident;
const byId = (id: string) => demoIncidents(NOW).find((s) => s.id.endsWith(id))!;

/** Every string anywhere in a value (texts, owners, the AP reference …; enum values too, which must pass anyway). */
function strings(value: unknown, path: string, out: { field: string; text: string }[]) {
  if (typeof value === 'string') out.push({ field: path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) strings(inner, `${path}.${key}`, out);
  }
  return out;
}

describe('the demo incidents', () => {
  it('are all accepted by the workflow, step by step', () => {
    for (const script of demoIncidents(NOW)) expect(() => play(script)).not.toThrow();
  });

  it('hold no text the privacy guard warns about, in any string of any script', () => {
    const texts = demoIncidents(NOW).flatMap((s) => strings(s, s.id, []));
    expect(texts.length).toBeGreaterThan(100);
    // The walk reaches the texts beside the narrative too (the AP's reference, a measure's owner).
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['DEMO-AP-0001', 'ICT-leverancier']));
    expect(privacyWarnings(texts)).toEqual([]);
  });

  it('name no address outside example.org and no person', () => {
    const all = JSON.stringify(demoIncidents(NOW));
    expect(all).not.toMatch(/@/);
    // The demo people act through their roles; their names are in the identity provider only.
    for (const user of demoUsers as { firstName?: string; lastName?: string }[]) {
      for (const name of [user.firstName, user.lastName].filter(Boolean)) expect(all).not.toContain(name);
    }
  });

  it('have fixed, distinct ids and are listed oldest report first', () => {
    const scripts = demoIncidents(NOW);
    expect(new Set(scripts.map((s) => s.id)).size).toBe(scripts.length);
    expect(demoIncidents(new Date()).map((s) => s.id)).toEqual(scripts.map((s) => s.id));
    const hours = scripts.map((s) => s.report.hoursAgo);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
  });

  it('stand in the stages and clock states of the README table', () => {
    const clock = fixedClock(NOW);
    const states = demoIncidents(NOW).map((script) => {
      const incident = final(script);
      return [
        script.organisation,
        script.id.slice(-2),
        incident.stage,
        incidentApClock(incident, clock).state,
        incident.exercise,
        incident.closure?.outcome ?? null,
      ];
    });
    expect(states).toEqual([
      ['vp-het-nest', '09', 'closed', 'not-needed', false, 'registered'],
      ['vp-de-wieg', '06', 'closed', 'met', false, 'registered'],
      ['vp-de-wieg', '05', 'overview', 'overdue', false, null],
      ['vp-de-wieg', '07', 'closed', 'not-needed', false, 'near-miss'],
      ['vp-de-wieg', '04', 'response', 'due-soon', false, null],
      ['vp-de-wieg', '03', 'response', 'open', false, null],
      ['vp-de-wieg', '02', 'overview', 'open', false, null],
      ['vp-de-wieg', '01', 'reported', 'open', false, null],
      ['vp-het-nest', '08', 'overview', 'open', true, null],
    ]);
  });

  it('keep their clock states on whichever day they are first seeded (times count back from that moment)', () => {
    for (const now of [
      new Date('2026-03-29T01:30:00Z'),
      new Date('2026-10-25T00:30:00Z'),
      new Date('2027-01-03T08:00:00Z'),
    ]) {
      const states = demoIncidents(now).map(
        (s) => incidentApClock(play(s, now).at(-1)!.incident, fixedClock(now)).state,
      );
      expect(states).toEqual([
        'not-needed',
        'met',
        'overdue',
        'not-needed',
        'due-soon',
        'open',
        'open',
        'open',
        'open',
      ]);
    }
  });

  it('follow the risk advice in every decision, and keep the advice they were taken against', () => {
    const decisions = demoIncidents(NOW).flatMap((script) =>
      play(script).filter((step) => step.events.some((e) => e.type.startsWith('decide-'))),
    );
    expect(decisions).toHaveLength(5);
    for (const step of decisions) {
      expect(step.advice).not.toBeNull();
      const { apDecision, dataSubjectDecision } = step.incident;
      for (const decision of [apDecision, dataSubjectDecision]) {
        if (decision) expect(decision.departureReason).toBeNull();
      }
    }
  });

  it('show the protocol’s own example as register-only, and the pending advice of the stolen phone', () => {
    const example = play(byId('09'));
    const apDecision = example.find((s) => s.events[0]!.type === 'decide-ap-notification')!;
    expect(apDecision.advice).toMatchObject({ recommendation: 'register-only', notifyAp: false });
    const pending = final(byId('03'));
    expect(pending.apDecision).toBeNull();
    expect(pending.containment.measures.map((m) => m.status)).toEqual(['done', 'in-progress', 'planned']);
    expect(pending.dpoAdvice).toHaveLength(1);
  });

  it('record the AP notification of the closed breach in time and the due-soon one not yet', () => {
    const closed = final(byId('06'));
    expect(closed.apNotification).toMatchObject({ apReference: 'DEMO-AP-0001', delayReasons: null });
    expect(closed.dataSubjectDecision?.outcome).toBe('inform');
    expect(closed.dataSubjectsInformedAt).not.toBeNull();
    const dueSoon = final(byId('04'));
    expect(dueSoon.apDecision?.notify).toBe(true);
    expect(dueSoon.apNotification).toBeNull();
  });
});
