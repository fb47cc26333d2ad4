import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { PostChainTimelineEntryDocument } from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatInstant } from '../incident/incident-view';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { ChainContext } from './chain-context';
import '../../shared/i18n/texts/chain';

/**
 * The shared timeline (issue 17 item 5): what the reporter shares, HINQ's updates, the informed partners' questions
 * and answers — read by HINQ and every informed partner, never the tenants' internal notes. Oldest first.
 */
@Component({
  selector: 'app-chain-timeline',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ChainActionFeedback],
  template: `
    <section class="panel" aria-labelledby="chain-timeline-title" data-testid="chain-timeline">
      <h2 id="chain-timeline-title">{{ t('chain.timeline.title') }}</h2>
      <p class="hint">{{ t('chain.timeline.hint') }}</p>
      @if (entries().length > 0) {
        <ol class="entries">
          @for (e of entries(); track e.id) {
            <li data-testid="timeline-entry">
              <p class="who">
                <span>{{ e.author }}</span> · <span class="small-inline">{{ e.kind }}</span> ·
                <time [attr.datetime]="e.at">{{ e.when }}</time>
              </p>
              <p class="text" data-testid="timeline-text">{{ e.text }}</p>
            </li>
          }
        </ol>
      } @else {
        <p data-testid="timeline-empty">{{ t('chain.timeline.empty') }}</p>
      }
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ t('chain.timeline.new') }}</mat-label>
        <textarea
          matInput
          rows="3"
          data-testid="timeline-input"
          [value]="text()"
          (input)="text.set($any($event.target).value)"
        ></textarea>
        <mat-hint>{{ t('chain.timeline.newHint') }}</mat-hint>
      </mat-form-field>
      @if (action.problemFor('text'); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          data-testid="timeline-post"
          [disabled]="text().trim() === '' || action.busy()"
          (click)="post()"
        >
          {{ t('chain.timeline.post') }}
        </button>
      </div>
      <app-chain-action-feedback [action]="action" testId="timeline" />
    </section>
  `,
  styleUrl: './chain.scss',
  styles: `
    :host {
      padding: 0;
    }
    .entries {
      list-style: none;
      padding: 0;
      max-width: 90ch;
    }
    .entries > li {
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding: 6px 0;
    }
    .who {
      margin: 0;
      font-weight: 500;
    }
    .small-inline {
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainTimeline {
  private readonly graphql = inject(GraphqlClient);
  private readonly context = inject(ChainContext);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly action = new ChainAction();
  protected readonly text = signal('');

  protected readonly entries = computed(() => {
    const lang = this.i18n.lang();
    return (this.context.chain()?.timeline ?? []).map((e) => ({
      id: e.id,
      author: e.authorName ? `${e.authorName} (${e.authorOrganisation.name})` : e.authorOrganisation.name,
      kind: incidentLabel('TimelineAuthorKind', e.authorKind, lang),
      at: e.at,
      when: formatInstant(e.at, lang),
      text: e.text,
    }));
  });

  protected post(): void {
    const chain = this.context.chain();
    if (!chain) return;
    const text = this.text();
    this.action.run(
      (confirm) =>
        this.graphql
          .request(PostChainTimelineEntryDocument, { chainIncidentId: chain.id, text, confirmPrivacyWarnings: confirm })
          .pipe(map((data) => data.postChainTimelineEntry)),
      this.t('chain.timeline.posted'),
      (next) => {
        this.text.set('');
        this.context.saved(next, this.t('chain.timeline.posted'));
      },
    );
  }
}
