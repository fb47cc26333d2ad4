import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TEST_CONFIG, WIEG, meSingle, providePortalTesting, words } from '../../../testing/portal-testing';
import { Report } from './report';
import { ReportDraftStore } from './report-draft.store';

const GRAPHQL_URL = `${TEST_CONFIG.apiUrl}/graphql`;
const HEALTH_URL = `${TEST_CONFIG.apiUrl}/health/ready`;
const WHAT = 'Verslag naar de verkeerde gynaecoloog gemaild.';

/** The "Datalek melden" page against the GraphQL client's real HTTP path (HttpTestingController answers as the API). */
describe('the report page', () => {
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await TestBed.configureTestingModule({ imports: [Report], providers: providePortalTesting() }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  const expectOperation = (name: string): TestRequest =>
    httpMock.expectOne((req) => req.url === GRAPHQL_URL && req.body?.operationName === name);

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
    TestBed.tick();
  }

  async function render(): Promise<ComponentFixture<Report>> {
    const fixture = TestBed.createComponent(Report);
    fixture.detectChanges();
    TestBed.tick();
    expectOperation('Me').flush({ data: { me: meSingle(['employee']) } });
    httpMock.match(HEALTH_URL).forEach((r) => r.flush({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } }));
    await settle();
    return fixture;
  }

  const el = (fixture: ComponentFixture<Report>) => fixture.nativeElement as HTMLElement;

  async function fill(fixture: ComponentFixture<Report>, what = WHAT): Promise<void> {
    const textarea = el(fixture).querySelector<HTMLTextAreaElement>('#whatHappened')!;
    textarea.value = what;
    textarea.dispatchEvent(new Event('input'));
    for (const id of ['stillOngoing-NO-input', 'otherOrganisationsInvolved-UNKNOWN-input']) {
      el(fixture).querySelector<HTMLInputElement>(`#${id}`)!.click();
    }
    await settle();
  }

  async function send(fixture: ComponentFixture<Report>): Promise<TestRequest> {
    el(fixture).querySelector<HTMLButtonElement>('[data-testid=report-send]')!.click();
    await settle();
    return expectOperation('ReportBreach');
  }

  it('keeps everything and says what to do when the platform is unavailable (503)', async () => {
    const fixture = await render();
    await fill(fixture);
    (await send(fixture)).flush(
      { errors: [{ message: 'Tijdelijk niet beschikbaar', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(el(fixture).querySelector('[data-testid=report-failure] [data-kind]')?.getAttribute('data-kind')).toBe(
      'unavailable',
    );
    expect(words(el(fixture).querySelector('[data-testid=report-failure]'))).toContain('bewaard op dit apparaat');
    expect(el(fixture).querySelector<HTMLTextAreaElement>('#whatHappened')!.value).toBe(WHAT);
    expect(TestBed.inject(ReportDraftStore).load('u-1', WIEG.id)?.values.whatHappened).toBe(WHAT);
    expect(words(el(fixture).querySelector('[data-testid=report-send]'))).toBe('Opnieuw versturen');
  });

  it('shows a session that expired as such, with a login button, and keeps the draft', async () => {
    const fixture = await render();
    await fill(fixture);
    (await send(fixture)).flush({ errors: [{ message: 'Niet ingelogd', extensions: { code: 'UNAUTHENTICATED' } }] });
    await settle();
    expect(el(fixture).querySelector('[data-kind=session]')).not.toBeNull();
    expect(el(fixture).querySelector('[data-testid=report-login]')).not.toBeNull();
    expect(TestBed.inject(ReportDraftStore).has('u-1', WIEG.id)).toBe(true);
  });

  it("shows the API's field errors at their field", async () => {
    const fixture = await render();
    await fill(fixture);
    (await send(fixture)).flush({
      errors: [
        {
          message: 'De invoer is niet in orde',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'discoveredAt', message: 'Het tijdstip van ontdekking ligt in de toekomst.' }],
          },
        },
      ],
    });
    await settle();
    fixture.detectChanges();
    const error = el(fixture).querySelector('#discoveredAt-error');
    expect(words(error)).toBe('Het tijdstip van ontdekking ligt in de toekomst.');
    expect(el(fixture).querySelector('#discoveredAt')?.getAttribute('aria-describedby')).toContain(
      'discoveredAt-error',
    );
    expect(el(fixture).querySelector('[data-kind=input]')).not.toBeNull();
  });

  it("asks for the confirmation when the API's privacy guard does, and then sends it", async () => {
    const fixture = await render();
    await fill(fixture);
    (await send(fixture)).flush({
      errors: [
        {
          message: 'Controleer de tekst',
          extensions: {
            code: 'PRIVACY_CONFIRMATION_REQUIRED',
            fields: [
              { field: 'whatHappened', message: 'Het veld lijkt een telefoonnummer te bevatten (op positie 3).' },
            ],
          },
        },
      ],
    });
    await settle();
    expect(words(el(fixture).querySelector('[data-testid=report-server-warning]'))).toContain('telefoonnummer');
    el(fixture).querySelector<HTMLInputElement>('#confirm-privacy-input')!.click();
    await settle();
    const request = await send(fixture);
    expect(request.request.body.variables.input).toMatchObject({ whatHappened: WHAT, confirmPrivacyWarnings: true });
    request.flush({
      data: {
        reportBreach: {
          id: 'i-1',
          reference: 'DL-2026-0007',
          exercise: false,
          stage: 'REPORTED',
          discoveredAt: '2026-10-23T11:00:00.000Z',
          apDeadline: '2026-10-26T11:00:00.000Z',
        },
      },
    });
    await settle();
    expect(words(el(fixture).querySelector('[data-testid=report-reference]'))).toBe('DL-2026-0007');
    // 72 elapsed hours across the end of summer time: Monday 12:00 CET.
    expect(words(el(fixture).querySelector('[data-testid=report-deadline]'))).toContain('12:00 CET');
    expect(TestBed.inject(ReportDraftStore).has('u-1', WIEG.id)).toBe(false);
  });
});
