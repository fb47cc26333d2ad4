import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TEST_CONFIG, meSingle, providePortalTesting } from '../../../testing/portal-testing';
import { MeDocument } from './operations/me.generated';
import { GraphqlClient, GraphqlRequestError, operationNameOf } from './graphql-client.service';
import { HealthService } from './health.service';

const GRAPHQL_URL = `${TEST_CONFIG.apiUrl}/graphql`;

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: providePortalTesting() });
    client = TestBed.inject(GraphqlClient);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('POSTs the generated document, variables and operation name to <apiUrl>/graphql and returns data', async () => {
    const me = meSingle();
    const result = firstValueFrom(client.request(MeDocument));
    const req = httpMock.expectOne(GRAPHQL_URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ query: MeDocument.toString(), variables: {}, operationName: 'Me' });
    expect(req.request.body.query).toMatch(/^\s*query Me \{/);
    req.flush({ data: { me } });
    const data = await result; // typed as MeQuery by the document
    expect(data.me.actingOrganisation?.name).toBe(me.actingOrganisation?.name);
  });

  it('reads the operation name from the document text', () => {
    expect(operationNameOf('\n  query Me {\n me { user { id } } }')).toBe('Me');
    expect(operationNameOf('fragment F on User { id }\nmutation UpdateContact($input: X!) { a }')).toBe(
      'UpdateContact',
    );
    expect(operationNameOf('{ me { user { id } } }')).toBeUndefined();
  });

  it('turns GraphQL errors (HTTP 200) into GraphqlRequestError with the readable message and code', async () => {
    const result = firstValueFrom(client.request(MeDocument));
    httpMock.expectOne(GRAPHQL_URL).flush({
      data: null,
      errors: [{ message: 'Kies eerst een organisatie.', extensions: { code: 'ORGANISATION_REQUIRED' } }],
    });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect((error as GraphqlRequestError).kind).toBe('graphql');
    expect((error as GraphqlRequestError).code).toBe('ORGANISATION_REQUIRED');
    expect((error as GraphqlRequestError).message).toBe('Kies eerst een organisatie.');
  });

  it('reads GraphQL errors from an HTTP error body (e.g. 401 UNAUTHENTICATED)', async () => {
    const result = firstValueFrom(client.request(MeDocument));
    httpMock
      .expectOne(GRAPHQL_URL)
      .flush(
        { errors: [{ message: 'Niet ingelogd', extensions: { code: 'UNAUTHENTICATED' } }] },
        { status: 401, statusText: 'Unauthorized' },
      );
    const error = (await result.catch((e: unknown) => e)) as GraphqlRequestError;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.status).toBe(401);
    expect(error.message).toBe('Niet ingelogd');
  });

  it('reports an unreachable API as a network error and other HTTP errors as http', async () => {
    const network = firstValueFrom(client.request(MeDocument));
    httpMock.expectOne(GRAPHQL_URL).error(new ProgressEvent('error'));
    expect(((await network.catch((e: unknown) => e)) as GraphqlRequestError).kind).toBe('network');

    const http = firstValueFrom(client.request(MeDocument));
    httpMock.expectOne(GRAPHQL_URL).flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' });
    const error = (await http.catch((e: unknown) => e)) as GraphqlRequestError;
    expect([error.kind, error.status]).toEqual(['http', 502]);
  });
});

describe('HealthService', () => {
  let health: HealthService;
  let httpMock: HttpTestingController;
  const url = `${TEST_CONFIG.apiUrl}/health/ready`;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: providePortalTesting() });
    health = TestBed.inject(HealthService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  it('maps a ready API', async () => {
    const result = firstValueFrom(health.check());
    httpMock.expectOne(url).flush({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
    expect(await result).toEqual({ reachable: true, status: 'ok', database: 'ok', migrations: 'ok' });
  });

  it('reads the checks from a 503 answer', async () => {
    const result = firstValueFrom(health.check());
    httpMock
      .expectOne(url)
      .flush({ status: 'error', checks: { database: 'ok', migrations: 'pending' } }, { status: 503, statusText: 'x' });
    expect(await result).toEqual({ reachable: true, status: 'error', database: 'ok', migrations: 'pending' });
  });

  it('reports an unreachable API without throwing', async () => {
    const result = firstValueFrom(health.check());
    httpMock.expectOne(url).error(new ProgressEvent('error'));
    expect(await result).toEqual({ reachable: false, status: 'error', database: 'unknown', migrations: 'unknown' });
  });
});
