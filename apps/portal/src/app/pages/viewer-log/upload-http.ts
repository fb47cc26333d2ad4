import { provideHttpClient, withInterceptors, withXhr } from '@angular/common/http';
import type { EnvironmentProviders } from '@angular/core';
import { includeBearerTokenInterceptor } from 'keycloak-angular';
import { apiHeadersInterceptor } from '../../shared/api/api-headers.interceptor';

/**
 * The viewer-log routes' own HttpClient (the chain incident's upload and `/signalen`'s daily file): the same
 * interceptors as the application's (bearer token, acting organisation, language), but over XMLHttpRequest. The
 * application uses the fetch backend, which cannot report upload progress (Angular refuses `reportUploadProgress`
 * there); a 50 MB export over a slow line needs it. Route providers, so nothing else changes backend.
 */
export function provideUploadHttpClient(): EnvironmentProviders {
  return provideHttpClient(withXhr(), withInterceptors([apiHeadersInterceptor, includeBearerTokenInterceptor]));
}
