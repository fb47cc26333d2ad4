import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics, served on the management port only (metrics-server.ts). Operation labels come from the
 * schema's own field names, so a client cannot create new series by sending made-up operation names.
 */
export class Metrics {
  readonly registry = new Registry();
  private known: ReadonlySet<string>;
  readonly operations: Counter<'operation' | 'result'>;
  readonly duration: Histogram<'operation'>;
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly rateLimited: Counter;
  readonly expensiveRefused: Counter;

  constructor(knownOperations: Iterable<string>) {
    this.known = new Set(knownOperations);
    collectDefaultMetrics({ register: this.registry });
    this.operations = new Counter({
      name: 'babyconnect_graphql_operations_total',
      help: 'GraphQL top-level fields executed, by operation and result (allowed, refused, failed).',
      labelNames: ['operation', 'result'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'babyconnect_graphql_operation_duration_seconds',
      help: 'Time to resolve a GraphQL top-level field, by operation.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'babyconnect_http_requests_total',
      help: 'HTTP requests by route and status class.',
      labelNames: ['route', 'status'],
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'babyconnect_rate_limited_total',
      help: 'Requests (GraphQL and REST) answered 429 because their client sent too many refused requests (rate-limit/).',
      registers: [this.registry],
    });
    this.expensiveRefused = new Counter({
      name: 'babyconnect_expensive_requests_refused_total',
      help: 'Exports and uploads answered 429 because their person already had EXPENSIVE_REQUESTS_PER_PERSON running.',
      registers: [this.registry],
    });
  }

  setKnownOperations(names: Iterable<string>): void {
    this.known = new Set(names);
  }

  operationLabel(name: string): string {
    return this.known.has(name) ? name : 'unknown';
  }

  routeLabel(path: string): string {
    return path === '/graphql' || path === '/health/live' || path === '/health/ready' ? path : 'other';
  }
}
