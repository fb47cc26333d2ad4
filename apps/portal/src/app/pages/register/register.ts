import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import type { BreachRegisterQuery } from '../../shared/api/generated/graphql';
import { BreachRegisterDocument } from '../../shared/api/operations/register.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { formatAmsterdamShort } from '../../shared/time/amsterdam-time';
import { ExportDownloads } from './export-downloads';
import {
  EMPTY_FORM,
  EXPORT_FORMATS,
  exportFileName,
  exportQuery,
  toFilter,
  type ExportFormat,
  type RegisterForm,
} from './register-view';
import '../../shared/i18n/texts/register';

type Entry = BreachRegisterQuery['breachRegister']['entries'][number];

/** Rows per page of the list (the exports carry everything that matches). */
const PAGE = 50;

/**
 * The breach register (datalekregister, GDPR art. 33(5)) of the acting organisation: every breach, notified or
 * not, with filters; near misses in a list of their own; exercises never. The three exports download exactly what
 * the filters select, streamed by the API.
 */
@Component({
  selector: 'app-register',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
  ],
  providers: [ExportDownloads],
  templateUrl: './register.html',
  styleUrl: './register.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly downloads = inject(ExportDownloads);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly formats = EXPORT_FORMATS;
  protected readonly stages = ['REPORTED', 'OVERVIEW', 'RESPONSE', 'CLOSED'] as const;
  protected readonly kinds = ['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY'] as const;

  protected readonly organisation = computed(() => this.session.me()?.actingOrganisation ?? null);
  protected readonly allowed = computed(() => this.session.can('read', 'Register'));

  /** What the form holds now, and what was applied (the list and the exports follow the applied filter). */
  protected form: RegisterForm = { ...EMPTY_FORM };
  protected readonly applied = signal<RegisterForm>({ ...EMPTY_FORM });
  protected readonly nearMisses = signal(false);
  private readonly filter = computed(() => toFilter(this.applied(), this.nearMisses()));

  private readonly list = rxResource({
    params: () =>
      this.allowed() && !this.session.meLoading() && this.organisation()
        ? { org: this.organisation()!.id, filter: this.filter(), language: this.i18n.lang() === 'en' ? 'EN' : 'NL' }
        : undefined,
    stream: ({ params }) =>
      this.graphql
        .request(BreachRegisterDocument, {
          first: PAGE,
          filter: params.filter,
          language: params.language as 'NL' | 'EN',
        })
        .pipe(map((d) => d.breachRegister)),
  });
  protected readonly loading = computed(() => this.list.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.list.error(), this.t));
  protected readonly entries = computed<readonly Entry[]>(() =>
    this.list.hasValue() ? this.list.value().entries : [],
  );
  protected readonly more = computed(() => (this.list.hasValue() ? this.list.value().nextCursor !== null : false));

  protected readonly busy = signal<ExportFormat | null>(null);
  protected readonly exportError = signal<string | null>(null);
  protected readonly exported = signal<string | null>(null);

  protected apply(): void {
    this.applied.set({ ...this.form });
  }

  protected reset(): void {
    this.form = { ...EMPTY_FORM };
    this.applied.set({ ...EMPTY_FORM });
  }

  protected showNearMisses(value: boolean): void {
    this.nearMisses.set(value);
  }

  protected when(iso: string | null | undefined): string {
    return iso ? formatAmsterdamShort(iso, this.i18n.lang()) : '—';
  }

  protected exportLabel(format: ExportFormat): string {
    const keys = { csv: 'register.export.csv', xlsx: 'register.export.xlsx', pdf: 'register.export.pdf' } as const;
    return this.t(keys[format]);
  }

  protected stageLabel(stage: string): string {
    return incidentLabel('IncidentStage', stage, this.i18n.lang());
  }

  protected async download(format: ExportFormat): Promise<void> {
    const organisation = this.organisation();
    if (this.busy() || !organisation) return;
    this.busy.set(format);
    this.exportError.set(null);
    this.exported.set(null);
    const name = exportFileName(format, this.nearMisses(), new Date(), organisation.name);
    try {
      await this.downloads.download(
        `/exports/register.${format}?${exportQuery(this.filter(), this.i18n.lang())}`,
        name,
      );
      this.exported.set(this.t('register.exported', { file: name }));
    } catch (error) {
      this.exportError.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy.set(null);
    }
  }
}
