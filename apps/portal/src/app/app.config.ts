import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { includeBearerTokenInterceptor } from 'keycloak-angular';
import { routes } from './app.routes';
import { apiHeadersInterceptor } from './shared/api/api-headers.interceptor';
import { provideAuth } from './shared/auth/provide-auth';
import { provideIcons } from './shared/icons/provide-icons';
import { RUNTIME_CONFIG, type RuntimeConfig } from './shared/config/runtime-config';

/** Application providers for a runtime configuration (zoneless is Angular 22's default). */
export function appConfig(config: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: RUNTIME_CONFIG, useValue: config },
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(withFetch(), withInterceptors([apiHeadersInterceptor, includeBearerTokenInterceptor])),
      provideAuth(config),
      provideIcons(),
    ],
  };
}
