import { HttpClient, HttpHeaders } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TEST_CONFIG, providePortalTesting } from '../../../testing/portal-testing';
import { TranslationService } from '../i18n/translation.service';
import { ORGANISATION_STORAGE_KEY, OrganisationContext } from '../organisation/organisation-context.service';
import { ORGANISATION_HEADER } from './api-headers.interceptor';

describe('apiHeadersInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: providePortalTesting() });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  function send(url: string, headers?: HttpHeaders) {
    http.post(url, {}, { headers }).subscribe();
    return httpMock.expectOne(url).request;
  }

  it('omits x-organisation-id when no organisation is chosen, but sends Accept-Language', () => {
    const request = send(`${TEST_CONFIG.apiUrl}/graphql`);
    expect(request.headers.has(ORGANISATION_HEADER)).toBe(false);
    expect(request.headers.get('Accept-Language')).toBe('nl');
  });

  it('sends the chosen organisation on API requests and keeps it in sessionStorage', () => {
    TestBed.inject(OrganisationContext).choose('22222222-2222-4222-8222-222222222222');
    const request = send(`${TEST_CONFIG.apiUrl}/graphql`);
    expect(request.headers.get(ORGANISATION_HEADER)).toBe('22222222-2222-4222-8222-222222222222');
    expect(sessionStorage.getItem(ORGANISATION_STORAGE_KEY)).toBe('22222222-2222-4222-8222-222222222222');
  });

  it('never sends the organisation or language to other hosts', () => {
    TestBed.inject(OrganisationContext).choose('22222222-2222-4222-8222-222222222222');
    for (const url of ['http://idp.test:8080/realms/babyconnect/x', 'http://api.test:30000/graphql', '/config.json']) {
      const request = send(url);
      expect(request.headers.has(ORGANISATION_HEADER)).toBe(false);
      expect(request.headers.has('Accept-Language')).toBe(false);
    }
  });

  it('stops sending the header once the choice is cleared', () => {
    const context = TestBed.inject(OrganisationContext);
    context.choose('22222222-2222-4222-8222-222222222222');
    context.clear();
    expect(send(`${TEST_CONFIG.apiUrl}/graphql`).headers.has(ORGANISATION_HEADER)).toBe(false);
    expect(sessionStorage.getItem(ORGANISATION_STORAGE_KEY)).toBeNull();
  });

  it('follows the language switch and leaves explicit headers alone', () => {
    TestBed.inject(TranslationService).setLang('en');
    TestBed.inject(OrganisationContext).choose('a');
    expect(send(`${TEST_CONFIG.apiUrl}/graphql`).headers.get('Accept-Language')).toBe('en');
    const explicit = send(`${TEST_CONFIG.apiUrl}/health/ready`, new HttpHeaders({ [ORGANISATION_HEADER]: 'b' }));
    expect(explicit.headers.get(ORGANISATION_HEADER)).toBe('b');
  });
});

describe('OrganisationContext', () => {
  it('restores the choice of this tab from sessionStorage', () => {
    sessionStorage.setItem(ORGANISATION_STORAGE_KEY, 'kept-id');
    TestBed.configureTestingModule({});
    expect(TestBed.inject(OrganisationContext).selectedId()).toBe('kept-id');
    sessionStorage.clear();
  });
});
