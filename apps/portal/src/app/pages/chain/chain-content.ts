import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { ComposePartnerNotificationDocument } from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { ChainContext } from './chain-context';
import { recordsValue } from './chain-view';
import '../../shared/i18n/texts/chain';

/**
 * The partner notification written once (issue 17 item 3): the nature of the breach, its possible impact on the
 * partner and its data subjects, the measures taken or planned, and how many records may be involved — never client
 * data. Adjusted per partner on each partner's card; writing it again withdraws approvals of changed texts.
 */
@Component({
  selector: 'app-chain-content',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ChainActionFeedback],
  template: `
    <section class="panel" aria-labelledby="chain-content-title" data-testid="chain-content">
      <h2 id="chain-content-title">{{ t('chain.content.title') }}</h2>
      <p class="hint">{{ t('chain.content.hint') }}</p>
      @if (content(); as content) {
        <dl class="facts" data-testid="chain-content-shown">
          <dt>{{ t('chain.content.nature') }}</dt>
          <dd>{{ content.nature }}</dd>
          <dt>{{ t('chain.content.impact') }}</dt>
          <dd>{{ content.impact }}</dd>
          <dt>{{ t('chain.content.measures') }}</dt>
          <dd>{{ content.measures }}</dd>
          <dt>{{ t('chain.content.records') }}</dt>
          <dd>{{ content.affectedRecords ?? t('chain.unknown') }}</dd>
        </dl>
      } @else {
        <p data-testid="chain-content-none">{{ t('chain.content.none') }}</p>
      }
      @if (mayCompose()) {
        @if (editing()) {
          <form [formGroup]="form" (ngSubmit)="save()" data-testid="chain-content-form">
            <mat-form-field appearance="outline" class="full">
              <mat-label>{{ t('chain.content.nature') }}</mat-label>
              <textarea matInput formControlName="nature" rows="3" data-testid="chain-content-nature"></textarea>
              @if (action.problemFor('nature'); as p) {
                <mat-error>{{ p }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" class="full">
              <mat-label>{{ t('chain.content.impact') }}</mat-label>
              <textarea matInput formControlName="impact" rows="3" data-testid="chain-content-impact"></textarea>
              <mat-hint>{{ t('chain.content.impactHint') }}</mat-hint>
            </mat-form-field>
            <mat-form-field appearance="outline" class="full">
              <mat-label>{{ t('chain.content.measures') }}</mat-label>
              <textarea matInput formControlName="measures" rows="3" data-testid="chain-content-measures"></textarea>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('chain.content.records') }}</mat-label>
              <input matInput formControlName="records" inputmode="numeric" data-testid="chain-content-records" />
              <mat-hint>{{ t('chain.content.recordsHint') }}</mat-hint>
            </mat-form-field>
            @if (problems(); as p) {
              <p class="error" role="alert" data-testid="chain-content-problems">{{ p }}</p>
            }
            <div class="actions">
              <button mat-flat-button type="submit" data-testid="chain-content-save" [disabled]="action.busy()">
                {{ t('chain.content.save') }}
              </button>
              @if (content()) {
                <button mat-button type="button" (click)="editing.set(false)">{{ t('chain.cancel') }}</button>
              }
            </div>
          </form>
        } @else {
          <button mat-stroked-button type="button" data-testid="chain-content-edit" (click)="edit()">
            {{ t('chain.content.edit') }}
          </button>
        }
        <app-chain-action-feedback [action]="action" testId="chain-content" />
      }
    </section>
  `,
  styleUrl: './chain.scss',
  styles: `
    :host {
      padding: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainContent {
  private readonly graphql = inject(GraphqlClient);
  private readonly context = inject(ChainContext);
  protected readonly t = inject(TranslationService).t;
  protected readonly action = new ChainAction();

  protected readonly content = computed(() => this.context.chain()?.content ?? null);
  protected readonly mayCompose = computed(() => this.context.rights()?.coordinate ?? false);
  protected readonly editing = signal(false);
  protected readonly problems = computed(() =>
    this.action.problems().length > 0
      ? this.action
          .problems()
          .map((p) => p.message)
          .join(' ')
      : null,
  );

  protected readonly form = new FormGroup({
    nature: new FormControl('', { nonNullable: true }),
    impact: new FormControl('', { nonNullable: true }),
    measures: new FormControl('', { nonNullable: true }),
    records: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    // Nothing written yet: the form is open at once.
    effect(() => {
      const chain = this.context.chain();
      if (chain && !chain.content) untracked(() => this.editing.set(true));
    });
  }

  protected edit(): void {
    const c = this.content();
    this.form.setValue({
      nature: c?.nature ?? '',
      impact: c?.impact ?? '',
      measures: c?.measures ?? '',
      records: c?.affectedRecords == null ? '' : String(c.affectedRecords),
    });
    this.editing.set(true);
  }

  protected save(): void {
    const chain = this.context.chain();
    if (!chain) return;
    const v = this.form.getRawValue();
    const affectedRecords = recordsValue(v.records);
    if (affectedRecords !== null && (Number.isNaN(affectedRecords) || affectedRecords < 0)) {
      this.action.error.set(this.t('chain.content.recordsInvalid'));
      return;
    }
    this.action.run(
      (confirm) =>
        this.graphql
          .request(ComposePartnerNotificationDocument, {
            chainIncidentId: chain.id,
            input: {
              nature: v.nature,
              impact: v.impact,
              measures: v.measures,
              affectedRecords,
              confirmPrivacyWarnings: confirm,
            },
          })
          .pipe(map((data) => data.composePartnerNotification)),
      this.t('chain.content.saved'),
      (next) => {
        this.editing.set(false);
        this.context.saved(next, this.t('chain.content.saved'));
      },
    );
  }
}
