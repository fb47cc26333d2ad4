import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import {
  NEST,
  TEST_CONFIG,
  WIEG,
  fakeAuth,
  meMulti,
  meSingle,
  providePortalTesting,
  rulesFor,
  waitFor,
  words,
} from '../testing/portal-testing';
import { App } from './app';
import { ReportDraftStore } from './pages/report/report-draft.store';
import type { Me } from './shared/api/api.types';
import { SESSION_CHANNEL, SessionSync } from './shared/auth/session-sync.service';
import { ORGANISATION_STORAGE_KEY, OrganisationContext } from './shared/organisation/organisation-context.service';

const GRAPHQL_URL = `${TEST_CONFIG.apiUrl}/graphql`;
const HEALTH_URL = `${TEST_CONFIG.apiUrl}/health/ready`;

describe('App shell', () => {
  let httpMock: HttpTestingController;
  let auth: ReturnType<typeof fakeAuth>;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    auth = fakeAuth();
    await TestBed.configureTestingModule({ imports: [App], providers: providePortalTesting(auth) }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  function answerMe(me: Me): TestRequest {
    const request = httpMock.expectOne(GRAPHQL_URL);
    request.flush({ data: { me } });
    return request;
  }

  async function render(me: Me): Promise<ComponentFixture<App>> {
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    TestBed.tick();
    answerMe(me);
    httpMock.match(HEALTH_URL).forEach((r) => r.flush({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } }));
    await fixture.whenStable();
    return fixture;
  }

  const text = (fixture: ComponentFixture<App>, selector: string) =>
    words((fixture.nativeElement as HTMLElement).querySelector(selector));

  it('shows the product, the person and the acting organisation; no switcher for one organisation', async () => {
    const fixture = await render(meSingle());
    expect(text(fixture, '.brand')).toContain('Babyconnect Datalekken');
    expect(text(fixture, '[data-testid=user-name]')).toContain('Petra Privacy');
    expect(text(fixture, '[data-testid=toolbar-organisation]')).toContain(WIEG.name);
    expect(fixture.nativeElement.querySelector('[data-testid=org-switcher]')).toBeNull();
  });

  it('lists the memberships in the organisation switcher and sends the choice as x-organisation-id', async () => {
    const fixture = await render(meMulti());
    // the switcher (and the menu code) is loaded with @defer
    const trigger = await waitFor(() =>
      (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid=org-switcher]'),
    );
    expect(trigger.textContent).toContain('Kies organisatie');

    trigger.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll<HTMLButtonElement>('[role=menuitemradio]')];
    expect(items.map((item) => item.querySelector('.option-name')?.textContent?.trim())).toEqual([
      'Verloskundigenpraktijk De Wieg',
      'Verloskundigenpraktijk Het Nest',
      'Ziekenhuis Rijnoever',
    ]);
    expect(items[2]?.querySelector('.option-kind')?.textContent).toContain('ziekenhuis');
    expect(items.every((item) => item.getAttribute('aria-checked') === 'false')).toBe(true);

    items[1]?.click();
    TestBed.tick();
    expect(sessionStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe(NEST.id);
    const request = answerMe(meMulti(NEST.id));
    expect(request.request.headers.get('x-organisation-id')).toBe(NEST.id);
    await fixture.whenStable();
    expect(text(fixture, '[data-testid=org-switcher]')).toContain(NEST.name);
  });

  const navLinks = (fixture: ComponentFixture<App>) =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('nav a')].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);

  it('hides the access log from the navigation of an employee, and offers her the breach pages', async () => {
    const fixture = await render(meSingle(['employee']));
    expect((fixture.nativeElement as HTMLElement).querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Datalekken', '/meldingen'],
      ['Datalek melden', '/melden'],
      ['Mijn berichten', '/berichten'],
    ]);
  });

  it('shows the chain incidents and the access log in the navigation of an FG', async () => {
    const fixture = await render(meSingle(['dpo']));
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Datalekken', '/meldingen'],
      ['Datalek melden', '/melden'],
      ['Datalekregister', '/register'],
      ['Keten', '/keten'],
      ['Signalen', '/signalen'],
      ['Toegangslogboek', '/toegangslogboek'],
      ['Mijn berichten', '/berichten'],
    ]);
  });

  it("shows a privacy officer the viewer log's alerts of her organisation", async () => {
    const fixture = await render(meSingle(['privacy-officer']));
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Datalekken', '/meldingen'],
      ['Datalek melden', '/melden'],
      ['Datalekregister', '/register'],
      ['Keten', '/keten'],
      ['Signalen', '/signalen'],
      ['Mijn berichten', '/berichten'],
    ]);
  });

  it("shows HINQ's coordinator the chain incidents and the chain figures", async () => {
    const fixture = await render(meSingle(['hinq-coordinator']));
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Datalekken', '/meldingen'],
      ['Datalek melden', '/melden'],
      ['Keten', '/keten'],
      ['Ketencijfers', '/keten/cijfers'],
      ['Signalen', '/signalen'],
      ['Mijn berichten', '/berichten'],
    ]);
  });

  it('offers no breach pages to a person without a role in the acting organisation', async () => {
    const fixture = await render(meSingle([]));
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Mijn berichten', '/berichten'],
    ]);
  });

  it('offers the platform admin the undeliverable messages, and no breach pages', async () => {
    const fixture = await render({
      ...meSingle([]),
      platformAdmin: true,
      actingOrganisation: null,
      memberships: [],
      abilityRules: rulesFor([], true),
    });
    expect(navLinks(fixture)).toEqual([
      ['Start', '/'],
      ['Mijn berichten', '/berichten'],
      ['Onbestelbare berichten', '/beheer/berichten'],
    ]);
  });

  it('follows the organisation switch in the navigation', async () => {
    const fixture = await render(meMulti(WIEG.id)); // FG of De Wieg
    const accessLogLink = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid=nav-access-log]');
    expect(accessLogLink()).not.toBeNull();
    fixture.componentRef.injector.get(OrganisationContext).choose(NEST.id);
    TestBed.tick();
    answerMe(meMulti(NEST.id)); // an employee of Het Nest
    await fixture.whenStable();
    expect(accessLogLink()).toBeNull();
  });

  it('switches the shell language and logs out', async () => {
    const fixture = await render(meSingle());
    expect(text(fixture, '[data-testid=logout]')).toBe('Uitloggen');
    (fixture.nativeElement.querySelector('[data-testid=lang-en]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text(fixture, '[data-testid=logout]')).toBe('Log out');
    expect(fixture.nativeElement.querySelector('[data-testid=lang-en]').getAttribute('aria-pressed')).toBe('true');
    (fixture.nativeElement.querySelector('[data-testid=logout]') as HTMLButtonElement).click();
    expect(auth.logout).toHaveBeenCalled();
  });

  it("forgets the person's unsent report drafts at a deliberate logout, and nobody else's", async () => {
    const drafts = TestBed.inject(ReportDraftStore);
    const values = {
      whatHappened: 'Verkeerde bijlage verstuurd.',
      discoveredAt: '2026-03-12T23:40',
      stillOngoing: null,
      howDiscovered: '',
      otherOrganisationsInvolved: null,
      exercise: false,
    };
    drafts.save('u-1', WIEG.id, values);
    drafts.save('u-1', NEST.id, values);
    drafts.save('u-2', WIEG.id, values);
    const fixture = await render(meSingle()); // u-1
    (fixture.nativeElement.querySelector('[data-testid=logout]') as HTMLButtonElement).click();
    expect(auth.logout).toHaveBeenCalled();
    expect(drafts.has('u-1', WIEG.id) || drafts.has('u-1', NEST.id)).toBe(false);
    expect(drafts.has('u-2', WIEG.id)).toBe(true);
    drafts.clearForUser('u-2');
  });

  it('shows a login button and loads nothing when not authenticated', async () => {
    auth.authenticated.set(false);
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    httpMock.expectNone(GRAPHQL_URL);
    httpMock.expectNone(HEALTH_URL);
    expect(fixture.nativeElement.querySelector('[data-testid=login]')).not.toBeNull();
    expect(text(fixture, 'main')).toContain('U bent niet ingelogd.');
  });

  it('says so when another tab of the browser ended the session', async () => {
    const sync = TestBed.inject(SessionSync);
    sync.start();
    const otherTab = new BroadcastChannel(SESSION_CHANNEL);
    try {
      const fixture = await render(meSingle());
      otherTab.postMessage({ type: 'session-ended', reason: 'logout' });
      await waitFor(() => sync.endedElsewhere());
      auth.authenticated.set(false); // what keycloak-angular's logout event does to the real AuthService
      await fixture.whenStable();
      expect(text(fixture, '[data-testid=not-logged-in]')).toBe(
        'U bent uitgelogd in een ander tabblad van deze browser. Log opnieuw in om verder te werken.',
      );
      expect(fixture.nativeElement.querySelector('[data-testid=login]')).not.toBeNull();
    } finally {
      otherTab.close();
      sync.ngOnDestroy();
    }
  });
});
