import { ACTING_ORGANISATION_HEADER } from '@babyconnect/contracts';
import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { RUNTIME_CONFIG, isApiUrl } from '../config/runtime-config';
import { TranslationService } from '../i18n/translation.service';
import { OrganisationContext } from '../organisation/organisation-context.service';

/** The acting-organisation header, as the API defines it (libs/contracts). */
export const ORGANISATION_HEADER = ACTING_ORGANISATION_HEADER;

/**
 * Adds the acting organisation (`x-organisation-id`, only when one is chosen) and `Accept-Language` to
 * requests for the API — never to other hosts (identity provider, fonts, …). A header set explicitly by
 * the caller wins. The bearer token is added by keycloak-angular's interceptor under the same URL rule.
 */
export const apiHeadersInterceptor: HttpInterceptorFn = (req, next) => {
  const { apiUrl } = inject(RUNTIME_CONFIG);
  if (!isApiUrl(req.url, apiUrl)) {
    return next(req);
  }
  const setHeaders: Record<string, string> = {};
  if (!req.headers.has('Accept-Language')) {
    setHeaders['Accept-Language'] = inject(TranslationService).lang();
  }
  const organisationId = inject(OrganisationContext).selectedId();
  if (organisationId && !req.headers.has(ORGANISATION_HEADER)) {
    setHeaders[ORGANISATION_HEADER] = organisationId;
  }
  return next(req.clone({ setHeaders }));
};
