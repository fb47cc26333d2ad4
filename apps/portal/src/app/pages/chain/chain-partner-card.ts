import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import {
  AdjustPartnerNotificationDocument,
  ApprovePartnerNotificationDocument,
  SendPartnerNotificationDocument,
} from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatInstant } from '../incident/incident-view';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { ChainContext } from './chain-context';
import { type PartnerNotification, needsDelayReasons, partnerAdjustment } from './chain-view';
import '../../shared/i18n/texts/chain';

type Field = 'nature' | 'impact' | 'measures' | 'affectedRecords';
const FIELD_KEYS = {
  nature: 'chain.content.nature',
  impact: 'chain.content.impact',
  measures: 'chain.content.measures',
  affectedRecords: 'chain.content.records',
} as const;

/**
 * One chosen partner for the reporter and HINQ: why it was chosen, its text (the shared one with its own
 * adjustments), and the next step — adjust, approve (the reporter's privacy officer or FG; in scenario A also HINQ),
 * send (after the 24 hours with the reasons for the delay). Sent texts stay as sent.
 */
@Component({
  selector: 'app-chain-partner-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ChainActionFeedback,
  ],
  template: `
    @let p = partner();
    <article
      class="panel"
      data-testid="partner-card"
      [attr.data-name]="p.partnerOrganisation.name"
      [attr.data-status]="p.status"
      [attr.aria-labelledby]="'partner-' + p.id"
    >
      <h3 [id]="'partner-' + p.id">
        {{ p.partnerOrganisation.name }} · <span data-testid="partner-status">{{ statusText() }}</span>
      </h3>
      <dl class="facts">
        <dt>{{ t('chain.partner.reasoning') }}</dt>
        <dd>{{ p.reasoning }}</dd>
        @if (p.approvedAt) {
          <dt>{{ t('chain.partner.approvedAt') }}</dt>
          <dd>{{ when(p.approvedAt) }}</dd>
        }
        @if (p.sentAt) {
          <dt>{{ t('chain.partner.sentAt') }}</dt>
          <dd>{{ when(p.sentAt) }}</dd>
        }
        @if (p.delayReasons) {
          <dt>{{ t('chain.partner.delayReasons') }}</dt>
          <dd>{{ p.delayReasons }}</dd>
        }
        @if (p.acknowledgedAt) {
          <dt>{{ t('chain.partner.acknowledgedAt') }}</dt>
          <dd>{{ when(p.acknowledgedAt) }} ({{ p.acknowledgedByName ?? '—' }})</dd>
        }
      </dl>
      @if (!p.contactReachable) {
        <p class="warning" data-testid="partner-unreachable">
          <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.partner.unreachable') }}
        </p>
      }
      @if (p.content; as c) {
        <details>
          <summary>{{ t('chain.partner.text') }}</summary>
          <dl class="facts">
            <dt>{{ t('chain.content.nature') }}</dt>
            <dd>{{ c.nature }}</dd>
            <dt>{{ t('chain.content.impact') }}</dt>
            <dd>{{ c.impact }}</dd>
            <dt>{{ t('chain.content.measures') }}</dt>
            <dd>{{ c.measures }}</dd>
            <dt>{{ t('chain.content.records') }}</dt>
            <dd>{{ c.affectedRecords ?? t('chain.unknown') }}</dd>
          </dl>
          @if (adjusted(); as a) {
            <p class="small">{{ t('chain.partner.adjusted', { fields: a }) }}</p>
          }
        </details>
      }
      @if (!p.sentAt && coordinate()) {
        @if (adjusting()) {
          <form [formGroup]="form" (ngSubmit)="adjust()" data-testid="partner-adjust-form">
            <p class="hint">{{ t('chain.partner.adjustHint') }}</p>
            @for (field of textFields; track field) {
              <mat-form-field appearance="outline" class="full">
                <mat-label>{{ t(fieldKey(field)) }}</mat-label>
                <textarea
                  matInput
                  rows="3"
                  [formControlName]="field"
                  [attr.data-testid]="'partner-adjust-' + field"
                ></textarea>
              </mat-form-field>
              @if (action.problemFor(field); as problem) {
                <p class="error" role="alert">{{ problem }}</p>
              }
            }
            <mat-form-field appearance="outline">
              <mat-label>{{ t('chain.content.records') }}</mat-label>
              <input matInput formControlName="records" inputmode="numeric" data-testid="partner-adjust-records" />
            </mat-form-field>
            @if (action.problemFor('affectedRecords'); as problem) {
              <p class="error" role="alert">{{ problem }}</p>
            }
            <div class="actions">
              <button mat-flat-button type="submit" data-testid="partner-adjust-save" [disabled]="action.busy()">
                {{ t('chain.partner.adjustSave') }}
              </button>
              <button mat-button type="button" (click)="adjusting.set(false)">{{ t('chain.cancel') }}</button>
            </div>
          </form>
        }
        @if (late()) {
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ t('chain.partner.delayReasons') }}</mat-label>
            <textarea
              matInput
              rows="2"
              data-testid="partner-delay-reasons"
              [value]="delayReasons()"
              (input)="delayReasons.set($any($event.target).value)"
            ></textarea>
            <mat-hint>{{ t('chain.partner.delayHint') }}</mat-hint>
          </mat-form-field>
          @if (action.problemFor('delayReasons'); as problem) {
            <p class="error" role="alert">{{ problem }}</p>
          }
        }
        <div class="actions">
          @if (!adjusting() && p.content) {
            <button mat-stroked-button type="button" data-testid="partner-adjust" (click)="startAdjust()">
              {{ t('chain.partner.adjust') }}
            </button>
          }
          @if (p.status === 'CHOSEN' && mayApprove()) {
            <button
              mat-flat-button
              type="button"
              data-testid="partner-approve"
              [disabled]="action.busy() || !p.content"
              (click)="approve()"
            >
              {{ t('chain.partner.approve') }}
            </button>
          }
          @if (p.status === 'APPROVED') {
            <button
              mat-flat-button
              type="button"
              data-testid="partner-send"
              [disabled]="action.busy()"
              (click)="send()"
            >
              {{ t('chain.partner.send') }}
            </button>
          }
        </div>
        @if (p.status === 'CHOSEN' && !mayApprove()) {
          <p class="hint" data-testid="partner-awaits-approval">{{ t('chain.partner.awaitsApproval') }}</p>
        }
      }
      <app-chain-action-feedback [action]="action" testId="partner" />
    </article>
  `,
  styleUrl: './chain.scss',
  styles: `
    :host {
      padding: 0;
    }
    summary {
      cursor: pointer;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainPartnerCard {
  readonly partner = input.required<PartnerNotification>();
  /** The page's clock (ticks), for the 24 hours. */
  readonly now = input.required<Date>();

  private readonly graphql = inject(GraphqlClient);
  private readonly context = inject(ChainContext);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly action = new ChainAction();

  protected readonly coordinate = computed(() => this.context.rights()?.coordinate ?? false);
  protected readonly mayApprove = computed(() => this.context.rights()?.approve ?? false);
  protected readonly statusText = computed(() =>
    incidentLabel('PartnerNotificationStatus', this.partner().status, this.i18n.lang()),
  );
  protected readonly adjusted = computed(() =>
    this.partner()
      .adjustedFields.map((f) => (f in FIELD_KEYS ? this.t(FIELD_KEYS[f as Field]) : f))
      .join(', '),
  );
  protected readonly late = computed(() => needsDelayReasons(this.partner(), this.now()));
  protected readonly adjusting = signal(false);
  protected readonly delayReasons = signal('');
  protected readonly textFields = ['nature', 'impact', 'measures'] as const;
  protected readonly form = new FormGroup({
    nature: new FormControl('', { nonNullable: true }),
    impact: new FormControl('', { nonNullable: true }),
    measures: new FormControl('', { nonNullable: true }),
    records: new FormControl('', { nonNullable: true }),
  });

  protected fieldKey(field: Field) {
    return FIELD_KEYS[field];
  }

  protected when(iso: string): string {
    return formatInstant(iso, this.i18n.lang());
  }

  protected startAdjust(): void {
    const c = this.partner().content;
    this.form.setValue({
      nature: c?.nature ?? '',
      impact: c?.impact ?? '',
      measures: c?.measures ?? '',
      records: c?.affectedRecords == null ? '' : String(c.affectedRecords),
    });
    this.adjusting.set(true);
  }

  protected adjust(): void {
    const { id, content } = this.partner();
    const input = partnerAdjustment(this.form.getRawValue(), content ?? null);
    if (input === 'records-invalid') {
      this.action.error.set(this.t('chain.content.recordsInvalid'));
      return;
    }
    if (Object.keys(input).length === 0) {
      this.adjusting.set(false);
      return;
    }
    this.action.run(
      (confirm) =>
        this.graphql
          .request(AdjustPartnerNotificationDocument, { id, input: { ...input, confirmPrivacyWarnings: confirm } })
          .pipe(map((data) => data.adjustPartnerNotification)),
      this.t('chain.partner.adjustedSaved'),
      (next) => {
        this.adjusting.set(false);
        this.context.partnerSaved(next, this.t('chain.partner.adjustedSaved'));
      },
    );
  }

  protected approve(): void {
    const id = this.partner().id;
    this.action.run(
      () =>
        this.graphql
          .request(ApprovePartnerNotificationDocument, { id })
          .pipe(map((data) => data.approvePartnerNotification)),
      this.t('chain.partner.approved'),
      (next) => this.context.partnerSaved(next, this.t('chain.partner.approved')),
    );
  }

  protected send(): void {
    const { id, partnerOrganisation } = this.partner();
    const sent = this.t('chain.partner.sent', { name: partnerOrganisation.name });
    const delayReasons = this.late() ? this.delayReasons() : null;
    this.action.run(
      (confirm) =>
        this.graphql
          .request(SendPartnerNotificationDocument, { id, delayReasons, confirmPrivacyWarnings: confirm })
          .pipe(map((data) => data.sendPartnerNotification)),
      sent,
      (next) => this.context.partnerSaved(next, sent),
    );
  }
}
