import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { AuthService } from './shared/auth/auth.service';
import { TranslationService } from './shared/i18n/translation.service';
import { LanguageSwitch } from './shared/language-switch/language-switch';
import { OrganisationContext } from './shared/organisation/organisation-context.service';
import { OrgSwitcher } from './shared/org-switcher/org-switcher';
import { SessionService } from './shared/session/session.service';

/** The shell: toolbar (product, organisation, person, language, logout) around the routed page. */
@Component({
  selector: 'app-root',
  imports: [MatButtonModule, MatIconModule, MatToolbarModule, RouterLink, RouterOutlet, LanguageSwitch, OrgSwitcher],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(TranslationService).t;
  protected readonly auth = inject(AuthService);
  protected readonly session = inject(SessionService);
  protected readonly organisation = inject(OrganisationContext);

  protected choose(organisationId: string): void {
    this.session.chooseOrganisation(organisationId);
  }

  protected logout(): void {
    void this.auth.logout();
  }

  protected login(): void {
    void this.auth.login();
  }

  /** Skip link: move focus (not only the scroll position) to the main content. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }
}
