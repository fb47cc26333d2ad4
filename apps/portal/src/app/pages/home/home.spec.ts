import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import {
  HOSPITAL,
  NEST,
  TEST_CONFIG,
  WIEG,
  meMulti,
  meSingle,
  providePortalTesting,
  words,
} from '../../../testing/portal-testing';
import type { HealthReady } from '../../shared/api/health.service';
import { ORGANISATION_STORAGE_KEY } from '../../shared/organisation/organisation-context.service';
import { Home } from './home';

const GRAPHQL_URL = `${TEST_CONFIG.apiUrl}/graphql`;
const HEALTH_URL = `${TEST_CONFIG.apiUrl}/health/ready`;
const READY: HealthReady = { status: 'ok', checks: { database: 'ok', migrations: 'ok' } };

describe('Home page', () => {
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await TestBed.configureTestingModule({ imports: [Home], providers: providePortalTesting() }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  async function render(meBody: object, health: { body: object; status?: number } | 'down' = { body: READY }) {
    const fixture = TestBed.createComponent(Home);
    fixture.detectChanges();
    TestBed.tick();
    httpMock.expectOne(GRAPHQL_URL).flush(meBody);
    const healthRequest = httpMock.expectOne(HEALTH_URL);
    if (health === 'down') {
      healthRequest.error(new ProgressEvent('error'));
    } else {
      healthRequest.flush(health.body, { status: health.status ?? 200, statusText: 'x' });
    }
    await fixture.whenStable();
    return fixture;
  }

  const el = (fixture: ComponentFixture<Home>, selector: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(selector);
  const text = (fixture: ComponentFixture<Home>, selector: string) => words(el(fixture, selector));
  /** The icon of a health row: an inline SVG (no icon font, so no icon name in the text). */
  const iconOf = (fixture: ComponentFixture<Home>, testId: string) => {
    const icon = el(fixture, `[data-testid=${testId}] mat-icon`);
    expect(icon?.querySelector('svg path')?.getAttribute('d')).toMatch(/^M/);
    return icon?.getAttribute('data-mat-icon-name');
  };

  it('shows who is logged in, the acting organisation with Dutch role labels and the API health', async () => {
    const fixture = await render({ data: { me: meSingle() } });
    expect(text(fixture, '[data-testid=who-name]')).toBe('Petra Privacy');
    expect(text(fixture, '[data-testid=acting-organisation]')).toBe(WIEG.name);
    expect(text(fixture, '[data-testid=acting]')).toContain('verloskundigenpraktijk');
    const roles = [...fixture.nativeElement.querySelectorAll('[data-testid=acting-roles] li')].map((li: Element) =>
      li.textContent?.trim(),
    );
    expect(roles).toEqual(['privacyfunctionaris', 'medewerker']);

    for (const check of ['api', 'database', 'migrations']) {
      expect(el(fixture, `[data-testid=health-${check}]`)?.getAttribute('data-status')).toBe('ok');
    }
    expect(text(fixture, '[data-testid=health-api]')).toBe('API bereikbaar ja');
    expect(iconOf(fixture, 'health-api')).toBe('check_circle');
    expect(text(fixture, '[data-testid=health-database]')).toBe('Database OK');
    expect(iconOf(fixture, 'health-database')).toBe('check_circle');
    expect(text(fixture, '[data-testid=health-migrations]')).toBe('Migraties OK');
    expect(iconOf(fixture, 'health-migrations')).toBe('check_circle');
    expect(el(fixture, '[data-testid=health-summary]')?.getAttribute('data-status')).toBe('ok');
  });

  it('renders every membership with kind and roles, and asks to choose when none is acting', async () => {
    const fixture = await render({ data: { me: meMulti() } });
    const rows = [...fixture.nativeElement.querySelectorAll('[data-testid=memberships] li')].map((li: Element) =>
      words(li),
    );
    expect(rows).toEqual([
      `${WIEG.name} verloskundigenpraktijk functionaris gegevensbescherming (FG)`,
      `${NEST.name} verloskundigenpraktijk medewerker`,
      `${HOSPITAL.name} ziekenhuis functionaris gegevensbescherming (FG), auditor`,
    ]);
    expect(text(fixture, '[data-testid=choose-prompt]')).toContain('Kies voor welke organisatie u nu werkt');

    const choice = [...fixture.nativeElement.querySelectorAll('[data-testid=acting] button')].find(
      (b: Element) => b.textContent?.trim() === HOSPITAL.name,
    ) as HTMLButtonElement;
    choice.click();
    TestBed.tick();
    const request = httpMock.expectOne(GRAPHQL_URL);
    expect(request.request.headers.get('x-organisation-id')).toBe(HOSPITAL.id);
    request.flush({ data: { me: meMulti(HOSPITAL.id) } });
    await fixture.whenStable();
    expect(text(fixture, '[data-testid=acting-organisation]')).toBe(HOSPITAL.name);
    expect(text(fixture, '[data-testid=acting-roles]')).toBe('functionaris gegevensbescherming (FG) auditor');
  });

  it("shows the API's error message", async () => {
    const fixture = await render({
      data: null,
      errors: [{ message: 'Geen toegang tot deze organisatie.', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(text(fixture, '[data-testid=me-error]')).toContain('Geen toegang tot deze organisatie.');
  });

  it('forgets a kept organisation the API refuses and asks again', async () => {
    sessionStorage.setItem(ORGANISATION_STORAGE_KEY, 'someone-elses-org');
    const fixture = TestBed.createComponent(Home);
    fixture.detectChanges();
    TestBed.tick();
    const first = httpMock.expectOne(GRAPHQL_URL);
    expect(first.request.headers.get('x-organisation-id')).toBe('someone-elses-org');
    first.flush({ data: null, errors: [{ message: 'Geen toegang', extensions: { code: 'FORBIDDEN' } }] });
    httpMock.expectOne(HEALTH_URL).flush(READY);
    await Promise.resolve();
    TestBed.tick();
    const second = httpMock.expectOne(GRAPHQL_URL);
    expect(second.request.headers.has('x-organisation-id')).toBe(false);
    expect(sessionStorage.getItem(ORGANISATION_STORAGE_KEY)).toBeNull();
    second.flush({ data: { me: meMulti() } });
    await fixture.whenStable();
    expect(el(fixture, '[data-testid=choose-prompt]')).not.toBeNull();
  });

  it('shows an unreachable API clearly', async () => {
    const down = await render({ data: { me: meSingle() } }, 'down');
    expect(text(down, '[data-testid=health-api]')).toBe('API bereikbaar nee');
    expect(iconOf(down, 'health-api')).toBe('error');
    expect(el(down, '[data-testid=health-summary]')?.getAttribute('data-status')).toBe('error');
  });

  it('shows pending migrations from a 503 answer', async () => {
    const pending = await render(
      { data: { me: meSingle() } },
      { body: { status: 'error', checks: { database: 'ok', migrations: 'pending' } }, status: 503 },
    );
    expect(text(pending, '[data-testid=health-api]')).toBe('API bereikbaar ja');
    expect(iconOf(pending, 'health-api')).toBe('check_circle');
    expect(text(pending, '[data-testid=health-migrations]')).toBe('Migraties openstaand');
    expect(iconOf(pending, 'health-migrations')).toBe('error');
  });
});
