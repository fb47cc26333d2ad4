import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';
import { HealthStatus } from '../../shared/health-status/health-status';
import { TranslationService } from '../../shared/i18n/translation.service';
import { kindLabel, roleLabel } from '../../shared/labels/labels';
import { SessionService } from '../../shared/session/session.service';
import { ReportDraftStore } from '../report/report-draft.store';

/** Start page: who is logged in, for which organisation with which roles, and whether the API is healthy. */
@Component({
  selector: 'app-home',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink, HealthStatus],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly tokenUser = inject(AuthService).user;

  protected readonly me = this.session.me;
  protected readonly acting = computed(() => this.me()?.actingOrganisation ?? null);
  protected readonly actingRoles = computed(() => this.session.actingMembership()?.roles ?? []);
  protected readonly canReport = computed(() => this.session.can('report', 'Incident'));
  protected readonly readsIncidents = computed(() => this.session.can('read', 'Incident'));
  private readonly drafts = inject(ReportDraftStore);
  /** An unsent report of this person for this organisation (e.g. after her session expired while typing). */
  protected readonly draftWaiting = computed(() => {
    const userId = this.me()?.user.id;
    const organisationId = this.acting()?.id;
    return !!userId && !!organisationId && this.canReport() && this.drafts.has(userId, organisationId);
  });

  protected roleName(role: string): string {
    return roleLabel(role, this.i18n.lang());
  }

  protected kind(kind: string): string {
    return kindLabel(kind, this.i18n.lang());
  }

  protected roles(roles: readonly string[]): string {
    return roles.length ? roles.map((r) => this.roleName(r)).join(', ') : this.t('home.noRoles');
  }
}
