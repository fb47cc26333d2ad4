import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from './shared/auth/auth.service';
import type { TranslationKey } from './shared/i18n/nl';
import { TranslationService } from './shared/i18n/translation.service';
import { ReportDraftStore } from './pages/report/report-draft.store';
import { LanguageSwitch } from './shared/language-switch/language-switch';
import { OrganisationContext } from './shared/organisation/organisation-context.service';
import { OrgSwitcher } from './shared/org-switcher/org-switcher';
import { SessionSync } from './shared/auth/session-sync.service';
import { SessionService } from './shared/session/session.service';

/** The shell: toolbar (product, organisation, person, language, logout) around the routed page. */
@Component({
  selector: 'app-root',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    LanguageSwitch,
    OrgSwitcher,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(TranslationService).t;
  protected readonly auth = inject(AuthService);
  protected readonly session = inject(SessionService);
  /** Set when another tab of this browser ended the session (logout there, or the provider refused a refresh). */
  protected readonly endedElsewhere = inject(SessionSync).endedElsewhere;
  protected readonly notLoggedInText = computed<TranslationKey>(() => {
    switch (this.endedElsewhere()) {
      case 'logout':
        return 'app.loggedOutElsewhere';
      case 'refresh-refused':
        return 'app.sessionEnded';
      default:
        return 'app.notLoggedIn';
    }
  });
  protected readonly organisation = inject(OrganisationContext);
  /** Navigation entries follow the acting organisation's rights (`me.abilityRules`). */
  protected readonly canReadAccessLog = computed(() => this.session.can('read', 'AccessLog'));
  protected readonly canReadRegister = computed(() => this.session.can('read', 'Register'));
  /** Everyone of an organisation may report a breach and follow (at least) her own reports. */
  protected readonly canReport = computed(() => this.session.can('report', 'Incident'));
  protected readonly canReadMe = computed(() => this.session.can('read', 'Me'));
  protected readonly canReadDeliveries = computed(() => this.session.can('read', 'NotificationDelivery'));
  /** Chain incidents: the reporter's and partners' privacy officer, FG, auditor, and HINQ's coordinator. */
  protected readonly canReadChain = computed(() => this.session.can('read', 'ChainIncident'));
  protected readonly canReadChainFigures = computed(() => this.session.can('read', 'ChainFigures'));
  /** Detection alerts on the viewer log: HINQ's coordinator (all), a privacy officer or FG (the organisation's own). */
  protected readonly canReadAlerts = computed(() => this.session.can('read', 'ViewerLogAlert'));
  private readonly drafts = inject(ReportDraftStore);

  protected choose(organisationId: string): void {
    this.session.chooseOrganisation(organisationId);
  }

  protected logout(): void {
    // A deliberate logout ends the unsent report drafts on this device too (report-draft.store.ts says why);
    // a session that ends by itself keeps them.
    const userId = this.session.me()?.user.id;
    if (userId) this.drafts.clearForUser(userId);
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
