import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import {
  NEST,
  TEST_CONFIG,
  WIEG,
  meMulti,
  meSingle,
  providePortalTesting,
  waitFor,
  words,
} from '../../../testing/portal-testing';
import type { Me } from '../../shared/api/api.types';
import type { AccessLogAnchorQuery } from '../../shared/api/generated/graphql';
import { SessionService } from '../../shared/session/session.service';
import { AccessLog, PAGE_SIZE } from './access-log';
import type { AccessLogEntry, AccessLogPageData } from './access-log-view';

const GRAPHQL_URL = `${TEST_CONFIG.apiUrl}/graphql`;
const HEALTH_URL = `${TEST_CONFIG.apiUrl}/health/ready`;

/** A row as the API sends it; by default an allowed `Me` request of an FG. */
function entry(seq: number, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    seq: String(seq),
    occurredAt: '2026-01-15T09:04:05.000Z',
    userId: 'u-9',
    userName: 'Fenna FG',
    roles: 'dpo',
    organisationId: WIEG.id,
    targetOrganisationId: null,
    operation: 'Me',
    fields: ['me:allowed'],
    objectIds: [],
    result: 'allowed',
    reason: null,
    requestId: `req-${seq}`,
    ...overrides,
  };
}

function page(seqs: number[], nextCursor: string | null = null): AccessLogPageData {
  return { entries: seqs.map((seq) => entry(seq)), nextCursor };
}

const ANCHOR: AccessLogAnchorQuery['accessLogAnchor'] = {
  seq: '42',
  hash: 'ab'.repeat(32),
  headAt: '2026-01-15T09:04:05.000Z',
  exportedAt: '2026-01-15T09:05:00.000Z',
  keyId: '0123456789abcdef',
  document: '{\n  "type": "babyconnect-access-log-anchor",\n  "seq": "42",\n  "signature": "c2ln"\n}',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
};

describe('Access log page', () => {
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [AccessLog],
      providers: providePortalTesting(),
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The pending GraphQL request of one operation (the page and the session share the endpoint). */
  function expectOperation(name: string): TestRequest {
    return httpMock.expectOne((req) => req.url === GRAPHQL_URL && req.body?.operationName === name);
  }

  function noOperation(name: string): void {
    httpMock.expectNone((req) => req.url === GRAPHQL_URL && req.body?.operationName === name);
  }

  /**
   * Lets signals, effects and rendering run. Not `whenStable()`: the page's next request may be pending in the
   * HttpTestingController on purpose, and a pending request keeps the application unstable.
   */
  async function settle(_fixture: ComponentFixture<AccessLog>): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
    TestBed.tick();
  }

  async function render(me: Me): Promise<ComponentFixture<AccessLog>> {
    const fixture = TestBed.createComponent(AccessLog);
    fixture.detectChanges();
    TestBed.tick();
    expectOperation('Me').flush({ data: { me } });
    httpMock.match(HEALTH_URL).forEach((r) => r.flush({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } }));
    await settle(fixture);
    return fixture;
  }

  const el = (fixture: ComponentFixture<AccessLog>) => fixture.nativeElement as HTMLElement;
  const text = (fixture: ComponentFixture<AccessLog>, selector: string) => words(el(fixture).querySelector(selector));
  const rows = (fixture: ComponentFixture<AccessLog>) => [
    ...el(fixture).querySelectorAll<HTMLTableRowElement>('[data-testid=access-log-row]'),
  ];
  /** The visible text of each cell of a row, without the phone-width labels. */
  const cells = (row: HTMLTableRowElement) =>
    [...row.cells].map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.cell-label').forEach((label) => label.remove());
      return words(copy);
    });

  it('lists the newest rows first with time in Dutch time, who, Dutch roles, what and the result', async () => {
    const fixture = await render(meSingle(['dpo']));
    const request = expectOperation('AccessLog');
    expect(request.request.body.variables).toEqual({ first: PAGE_SIZE });
    request.flush({
      data: {
        accessLog: {
          entries: [
            entry(3, {
              occurredAt: '2026-07-01T22:30:09.000Z', // summer time: 2 July 00:30:09 in Amsterdam
              userName: null,
              roles: 'privacy-officer,employee',
              operation: 'UpdateContact',
              fields: ['updateOrganisationContact:refused:FORBIDDEN', 'organisations:allowed x2'],
              objectIds: [WIEG.id],
              result: 'refused',
              reason: 'FORBIDDEN',
            }),
            entry(2, { result: 'failed', reason: 'SERVICE_UNAVAILABLE', fields: ['me:failed:SERVICE_UNAVAILABLE'] }),
            entry(1, { occurredAt: '2026-01-15T09:04:05.000Z' }), // winter time: 10:04:05
          ],
          nextCursor: null,
        },
      },
    });
    await settle(fixture);

    expect(text(fixture, 'h1')).toBe('Toegangslogboek');
    expect(text(fixture, '.intro')).toContain(WIEG.name);
    expect(rows(fixture).map((row) => row.dataset['seq'])).toEqual(['3', '2', '1']);
    const [newest, failed, oldest] = rows(fixture).map(cells);
    expect(newest).toEqual([
      '3',
      '02-07-2026 00:30:09',
      'onbekend',
      'privacyfunctionaris, medewerker',
      `UpdateContact updateOrganisationContact: geweigerd, geen recht organisations: toegestaan (2×) Over: ${WIEG.id}`,
      'geweigerd geen recht (FORBIDDEN)',
    ]);
    expect(failed?.[5]).toBe('mislukt tijdelijk niet beschikbaar (SERVICE_UNAVAILABLE)');
    expect(oldest).toEqual([
      '1',
      '15-01-2026 10:04:05',
      'Fenna FG',
      'functionaris gegevensbescherming (FG)',
      'Me me: toegestaan',
      'toegestaan',
    ]);
    expect(rows(fixture)[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-07-01T22:30:09.000Z');
    expect(el(fixture).querySelector('[data-testid=outside-marker]')).toBeNull();
    expect(el(fixture).querySelector('[data-testid=access-log-older]')).toBeNull();
    expect(text(fixture, '[data-testid=access-log-status]')).toBe('Alle 3 regels getoond.');
    expect(words(el(fixture).querySelector('caption'))).toBe(`Toegangslogboek van ${WIEG.name}, nieuwste eerst`);
  });

  it('marks attempts from outside the organisation and changes by the platform admin', async () => {
    const fixture = await render(meSingle(['auditor']));
    expectOperation('AccessLog').flush({
      data: {
        accessLog: {
          entries: [
            entry(5, {
              userName: 'Nico FG',
              roles: null,
              organisationId: null,
              targetOrganisationId: WIEG.id,
              operation: 'AccessLog',
              fields: ['accessLog:refused:FORBIDDEN'],
              result: 'refused',
              reason: 'FORBIDDEN',
            }),
            entry(4, {
              userName: 'Bea Beheerder',
              roles: 'platform-admin',
              organisationId: null,
              targetOrganisationId: WIEG.id,
              operation: 'UpdateOrganisation',
              fields: ['updateOrganisation:allowed'],
            }),
            entry(3),
          ],
          nextCursor: null,
        },
      },
    });
    await settle(fixture);

    const [attempt, adminChange, own] = rows(fixture);
    expect(words(attempt?.querySelector('[data-testid=outside-marker]'))).toBe('poging van buiten de organisatie');
    expect(cells(attempt!)[2]).toBe('Nico FG poging van buiten de organisatie');
    expect(cells(attempt!)[3]).toBe('geen rol');
    expect(attempt?.classList).toContain('outside');
    expect(words(adminChange?.querySelector('[data-testid=admin-marker]'))).toBe('wijziging door de platformbeheerder');
    expect(cells(adminChange!)[3]).toBe('platformbeheerder');
    expect(adminChange?.querySelector('[data-testid=outside-marker]')).toBeNull();
    expect(own?.querySelector('.marker')).toBeNull();
    expect(own?.classList).not.toContain('outside');
  });

  it('loads older rows with after: nextCursor and appends them until there are none', async () => {
    const fixture = await render(meSingle(['dpo']));
    expectOperation('AccessLog').flush({ data: { accessLog: page([60, 59, 58], '58') } });
    await settle(fixture);
    expect(text(fixture, '[data-testid=access-log-status]')).toBe('3 regels getoond; er zijn oudere regels.');

    const older = el(fixture).querySelector<HTMLButtonElement>('[data-testid=access-log-older]');
    expect(words(older)).toBe('Oudere regels');
    older?.click();
    await settle(fixture);
    const second = expectOperation('AccessLog');
    expect(second.request.body.variables).toEqual({ first: PAGE_SIZE, after: '58' });
    second.flush({ data: { accessLog: page([57, 56], '56') } });
    await settle(fixture);
    expect(rows(fixture).map((row) => row.dataset['seq'])).toEqual(['60', '59', '58', '57', '56']);
    expect(text(fixture, '[aria-live=polite].sr-only')).toBe('2 oudere regels geladen.');

    el(fixture).querySelector<HTMLButtonElement>('[data-testid=access-log-older]')?.click();
    await settle(fixture);
    const third = expectOperation('AccessLog');
    expect(third.request.body.variables).toEqual({ first: PAGE_SIZE, after: '56' });
    third.flush({ data: { accessLog: page([55], null) } });
    await settle(fixture);
    expect(rows(fixture)).toHaveLength(6);
    expect(el(fixture).querySelector('[data-testid=access-log-older]')).toBeNull();
    expect(text(fixture, '[data-testid=access-log-status]')).toBe('Alle 6 regels getoond.');
    // the button went away: keyboard focus moves to the status line instead of falling to the page
    await waitFor(() => document.activeElement === el(fixture).querySelector('[data-testid=access-log-status]'));

    // Refreshing starts again at the newest row, without the older pages.
    el(fixture).querySelector<HTMLButtonElement>('[data-testid=access-log-refresh]')?.click();
    await settle(fixture);
    const refreshed = expectOperation('AccessLog');
    expect(refreshed.request.body.variables).toEqual({ first: PAGE_SIZE });
    refreshed.flush({ data: { accessLog: page([61, 60], '60') } });
    await settle(fixture);
    expect(rows(fixture).map((row) => row.dataset['seq'])).toEqual(['61', '60']);
  });

  it('shows an error of an older page readably and keeps the rows', async () => {
    const fixture = await render(meSingle(['dpo']));
    expectOperation('AccessLog').flush({ data: { accessLog: page([3, 2], '2') } });
    await settle(fixture);
    el(fixture).querySelector<HTMLButtonElement>('[data-testid=access-log-older]')?.click();
    await settle(fixture);
    expectOperation('AccessLog').flush({
      data: null,
      errors: [{ message: 'De cursor is ongeldig.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    await settle(fixture);
    expect(text(fixture, '[data-testid=access-log-older-error]')).toBe(
      'Het toegangslogboek kon niet worden opgehaald. De cursor is ongeldig.',
    );
    expect(rows(fixture)).toHaveLength(2);
  });

  it('downloads the anchor and its public key as two files made in the browser, and says how to check them', async () => {
    const blobs = new Map<string, Blob>();
    let next = 0;
    const createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:${TEST_CONFIG.apiUrl}/${++next}`;
      blobs.set(url, blob);
      return url;
    });
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicked: { download: string; href: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, inDocument: this.isConnected });
    });

    const fixture = await render(meSingle(['dpo']));
    expectOperation('AccessLog').flush({ data: { accessLog: page([42]) } });
    await settle(fixture);
    expect(text(fixture, '[data-testid=anchor] h2')).toBe('Anker downloaden');
    expect(text(fixture, '[data-testid=anchor] p')).toMatch(/ondertekend.*buiten dit systeem/);

    el(fixture).querySelector<HTMLButtonElement>('[data-testid=anchor-download]')?.click();
    await settle(fixture);
    expectOperation('AccessLogAnchor').flush({ data: { accessLogAnchor: ANCHOR } });
    await settle(fixture);

    expect(clicked.map((c) => c.download)).toEqual([
      'toegangslogboek-anker-42.json',
      'toegangslogboek-sleutel-0123456789abcdef.pem',
    ]);
    expect(clicked.every((c) => c.inDocument)).toBe(true);
    const [anchorBlob, keyBlob] = clicked.map((c) => blobs.get(c.href));
    expect(await anchorBlob?.text()).toBe(ANCHOR.document);
    expect(anchorBlob?.type).toBe('application/json');
    expect(await keyBlob?.text()).toBe(ANCHOR.publicKey);
    expect(document.querySelectorAll('a[download]:not([data-testid])')).toHaveLength(2); // only the page's own links

    expect(text(fixture, '[data-testid=anchor-saved] .saved-title')).toBe('Anker van regel 42 opgeslagen');
    const links = [...el(fixture).querySelectorAll<HTMLAnchorElement>('[data-testid=anchor-saved] a')];
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('download'), a.href])).toEqual(
      clicked.map((c) => [c.download, c.download, c.href]),
    );
    expect(text(fixture, '[data-testid=anchor-command]')).toBe(
      'npm run access-log:verify -- --anchor toegangslogboek-anker-42.json --public-key toegangslogboek-sleutel-0123456789abcdef.pem',
    );

    fixture.destroy(); // the object URLs are released with the page
    expect(revokeObjectURL.mock.calls.map(([url]) => url)).toEqual(clicked.map((c) => c.href));
    vi.unstubAllGlobals();
  });

  it("shows the API's message when the anchor cannot be made", async () => {
    const fixture = await render(meSingle(['dpo']));
    expectOperation('AccessLog').flush({ data: { accessLog: page([1]) } });
    await settle(fixture);
    el(fixture).querySelector<HTMLButtonElement>('[data-testid=anchor-download]')?.click();
    await settle(fixture);
    expectOperation('AccessLogAnchor').flush(
      {
        errors: [
          {
            message: 'Het toegangslogboek kan nu niet worden geschreven. Probeer het later opnieuw.',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle(fixture);
    expect(text(fixture, '[data-testid=anchor-error]')).toBe(
      'Het anker kon niet worden gemaakt. Het toegangslogboek kan nu niet worden geschreven. Probeer het later opnieuw.',
    );
    expect(el(fixture).querySelector('[data-testid=anchor-saved]')).toBeNull();
    expect(el(fixture).querySelector<HTMLButtonElement>('[data-testid=anchor-download]')?.disabled).toBe(false);
  });

  it('shows the not-allowed state to an employee and asks the API for nothing', async () => {
    const fixture = await render(meSingle(['employee']));
    noOperation('AccessLog');
    expect(text(fixture, '[data-testid=not-allowed]')).toBe(
      'U kunt het toegangslogboek van deze organisatie niet inzien. Alleen de functionaris gegevensbescherming (FG) en de auditor van een organisatie kunnen het toegangslogboek inzien.',
    );
    expect(el(fixture).querySelector('[data-testid=access-log-table]')).toBeNull();
    expect(el(fixture).querySelector('[data-testid=anchor]')).toBeNull();
  });

  it('asks a person of several organisations to choose, and follows a switch to one without the right', async () => {
    const fixture = await render(meMulti());
    noOperation('AccessLog');
    expect(text(fixture, '[data-testid=choose-prompt]')).toContain('Kies voor welke organisatie u nu werkt');

    TestBed.inject(SessionService).chooseOrganisation(WIEG.id);
    await settle(fixture);
    expectOperation('Me').flush({ data: { me: meMulti(WIEG.id) } });
    await settle(fixture);
    const request = expectOperation('AccessLog');
    expect(request.request.headers.get('x-organisation-id')).toBe(WIEG.id);
    request.flush({ data: { accessLog: page([7, 6]) } });
    await settle(fixture);
    expect(rows(fixture)).toHaveLength(2);

    // Het Nest: an employee there. The De Wieg rows go at once; nothing is asked for Het Nest.
    TestBed.inject(SessionService).chooseOrganisation(NEST.id);
    await settle(fixture);
    expect(rows(fixture)).toHaveLength(0);
    expectOperation('Me').flush({ data: { me: meMulti(NEST.id) } });
    await settle(fixture);
    noOperation('AccessLog');
    expect(el(fixture).querySelector('[data-testid=not-allowed]')).not.toBeNull();
  });

  it('reads in English, with the time still in Dutch time', async () => {
    localStorage.setItem('babyconnect.portal.lang', 'en');
    const fixture = await render(meSingle(['dpo']));
    expectOperation('AccessLog').flush({
      data: {
        accessLog: {
          entries: [entry(1, { organisationId: null, targetOrganisationId: WIEG.id, userName: null, roles: null })],
          nextCursor: null,
        },
      },
    });
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Access log');
    expect(cells(rows(fixture)[0]!)).toEqual([
      '1',
      '15/01/2026 10:04:05',
      'unknown attempt from outside the organisation',
      'no role',
      'Me me: allowed',
      'allowed',
    ]);
  });
});
