import { DOCUMENT, Injectable, inject, signal } from '@angular/core';

export const ORGANISATION_STORAGE_KEY = 'babyconnect.portal.organisationId';

/**
 * The organisation the person acts for. Kept in sessionStorage (per tab, gone when the tab closes) and sent
 * by the API interceptor as `x-organisation-id`; `null` means "none chosen" and the header is omitted.
 */
@Injectable({ providedIn: 'root' })
export class OrganisationContext {
  private readonly storage = safeSessionStorage(inject(DOCUMENT));
  private readonly selected = signal<string | null>(this.read());
  readonly selectedId = this.selected.asReadonly();

  choose(organisationId: string): void {
    this.selected.set(organisationId);
    try {
      this.storage?.setItem(ORGANISATION_STORAGE_KEY, organisationId);
    } catch {
      // blocked storage: the choice lasts until reload
    }
  }

  clear(): void {
    this.selected.set(null);
    try {
      this.storage?.removeItem(ORGANISATION_STORAGE_KEY);
    } catch {
      // ignore
    }
  }

  private read(): string | null {
    try {
      const value = this.storage?.getItem(ORGANISATION_STORAGE_KEY)?.trim();
      return value ? value : null;
    } catch {
      return null;
    }
  }
}

function safeSessionStorage(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}
