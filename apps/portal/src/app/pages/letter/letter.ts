import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { CommunicationChannel, LetterLanguage, LetterVariant } from '../../shared/api/generated/graphql';
import {
  DataSubjectLetterDocument,
  RecordDataSubjectCommunicationDocument,
  SaveDataSubjectLetterDocument,
} from '../../shared/api/operations/register.generated';
import { GraphqlClient, GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { formatAmsterdamShort, toAmsterdamInput } from '../../shared/time/amsterdam-time';
import { instantOf } from '../ap-notification/ap-notification-view';
import { ExportDownloads } from '../register/export-downloads';
import { letterFileName, paragraphs, startingText } from './letter-view';
import '../../shared/i18n/texts/register';

/**
 * The letter to the data subjects (step 6; GDPR art. 34): a draft in plain language generated from the incident,
 * edited here with a preview, and saved as versions (each save a new version; old ones stay). The product holds no
 * client identities: the organisation sends the letter from its own systems and records here when, how and to how
 * many it went.
 */
@Component({
  selector: 'app-letter',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink],
  // The downloads of the letter as PDF and text (one per page, as on the register and AP pages).
  providers: [ExportDownloads],
  templateUrl: './letter.html',
  styleUrl: './letter.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LetterPage {
  readonly id = input.required<string>();
  private readonly graphql = inject(GraphqlClient);
  private readonly downloads = inject(ExportDownloads);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly mayUpdate = computed(() => this.session.can('update', 'Incident'));

  protected readonly language = signal<LetterLanguage>('NL');
  protected readonly variant = signal<LetterVariant>('LETTER');
  private readonly data = rxResource({
    params: () =>
      this.session.can('read', 'Incident') && this.session.me()?.actingOrganisation
        ? { id: this.id(), language: this.language(), variant: this.variant() }
        : undefined,
    stream: ({ params }) =>
      this.graphql.request(DataSubjectLetterDocument, {
        incidentId: params.id,
        language: params.language,
        variant: params.variant,
      }),
  });
  protected readonly loading = computed(() => this.data.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.data.error(), this.t));
  protected readonly letter = computed(() => (this.data.hasValue() ? this.data.value().dataSubjectLetter : null));

  protected readonly subject = signal('');
  protected readonly body = signal('');
  protected readonly basedOn = signal<number | null>(null);
  protected readonly preview = computed(() => paragraphs(this.body()));

  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly needsConfirmation = signal(false);

  private readonly opened = toAmsterdamInput(new Date());
  protected sentAt = this.opened;
  protected channel: CommunicationChannel = 'LETTER';
  protected recipients: number | null = null;

  constructor() {
    // A new language, variant or saved version: the editor starts from the newest text for it.
    effect(() => {
      const letter = this.letter();
      if (!letter) return;
      const start = startingText(letter);
      this.subject.set(start.subject);
      this.body.set(start.body);
      this.basedOn.set(start.version);
    });
  }

  protected when(iso: string): string {
    return formatAmsterdamShort(iso, this.i18n.lang());
  }

  protected useDraft(): void {
    const letter = this.letter();
    if (!letter) return;
    this.subject.set(letter.draft.subject);
    this.body.set(letter.draft.body);
    this.basedOn.set(null);
  }

  protected async save(confirm = false): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(
        this.graphql.request(SaveDataSubjectLetterDocument, {
          incidentId: this.id(),
          input: {
            language: this.language(),
            variant: this.variant(),
            subject: this.subject(),
            body: this.body(),
            confirmPrivacyWarnings: confirm || null,
          },
        }),
      );
      this.needsConfirmation.set(false);
    }, 'letter.saved');
  }

  protected async recordSent(): Promise<void> {
    await this.run(async () => {
      const at = instantOf(this.sentAt, this.opened);
      if (!at) throw new Error(this.t('ap.invalidTime'));
      const latest = this.letter()?.versions.find(
        (v) => v.language === this.language() && v.variant === this.variant(),
      );
      await firstValueFrom(
        this.graphql.request(RecordDataSubjectCommunicationDocument, {
          incidentId: this.id(),
          input: {
            sentAt: at.toISOString(),
            channel: this.channel,
            recipients: this.recipients,
            letterVersion: latest?.version ?? null,
          },
        }),
      );
    }, 'letter.sentSaved');
  }

  /**
   * A saved version, or (none saved yet) the draft in the chosen language and form, as PDF or text: the organisation
   * prints or sends it from its own systems.
   */
  protected download(version: number | null, format: 'pdf' | 'txt'): Promise<void> {
    const language = this.language() === 'NL' ? 'nl' : 'en';
    const variant = this.variant() === 'LETTER' ? 'letter' : 'public-communication';
    const query = version === null ? `lang=${language}&variant=${variant}` : `version=${version}`;
    const reference = this.letter()?.reference ?? 'datalek';
    const saved = version === null ? undefined : this.letter()?.versions.find((v) => v.version === version);
    const name = letterFileName(
      reference,
      saved ?? { language: this.language(), variant: this.variant() },
      version,
      format,
    );
    return this.run(
      () => this.downloads.download(`/exports/incidents/${this.id()}/letter.${format}?${query}`, name),
      'docs.downloaded',
      false,
    );
  }

  private async run(work: () => Promise<void>, done: Parameters<typeof this.t>[0], reload = true): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      await work();
      this.message.set(this.t(done));
      if (reload) this.data.reload();
    } catch (error) {
      this.needsConfirmation.set(
        error instanceof GraphqlRequestError && error.code === 'PRIVACY_CONFIRMATION_REQUIRED',
      );
      this.error.set(describeError(error, this.t));
    } finally {
      this.saving.set(false);
    }
  }
}
