import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { ChoosePartnersDocument } from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { describeError } from '../../shared/session/session.service';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { ChainContext } from './chain-context';
import { choosable } from './chain-view';
import '../../shared/i18n/texts/chain';

/**
 * Choosing the partners to inform (issue 17 item 2), from the chain's organisation directory, each with the reasoning
 * why (kept with the choice). The reporter and HINQ decide together; a partner can be added later, its clock still
 * runs from the discovery.
 */
@Component({
  selector: 'app-chain-partners',
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, ChainActionFeedback],
  template: `
    <section class="panel" aria-labelledby="chain-partners-title" data-testid="chain-partners">
      <h2 id="chain-partners-title">{{ t('chain.partners.title') }}</h2>
      <p class="hint">{{ t('chain.partners.hint') }}</p>
      @if (directoryError(); as message) {
        <p class="error" role="alert">{{ t('chain.partners.directoryError') }} {{ message }}</p>
      }
      @if (options().length > 0) {
        <ul class="options">
          @for (o of options(); track o.id; let i = $index) {
            <li data-testid="partner-option" [attr.data-name]="o.name">
              <mat-checkbox [checked]="o.checked" (change)="toggle(o.id, $event.checked)">{{ o.name }}</mat-checkbox>
              @if (o.checked) {
                <mat-form-field appearance="outline" class="full">
                  <mat-label>{{ t('chain.partners.reasoning', { name: o.name }) }}</mat-label>
                  <textarea
                    matInput
                    rows="2"
                    data-testid="partner-reasoning"
                    [value]="o.reasoning"
                    (input)="reason(o.id, $any($event.target).value)"
                  ></textarea>
                  <mat-hint>{{ t('chain.partners.reasoningHint') }}</mat-hint>
                </mat-form-field>
                @if (problemAt(o.id); as p) {
                  <p class="error" role="alert" data-testid="partner-problem">{{ p }}</p>
                }
              }
            </li>
          }
        </ul>
        <button
          mat-flat-button
          type="button"
          data-testid="partners-choose"
          [disabled]="chosen().length === 0 || action.busy()"
          (click)="choose()"
        >
          {{ t('chain.partners.choose', { count: chosen().length }) }}
        </button>
      } @else if (context.directory.hasValue()) {
        <p data-testid="partners-none-left">{{ t('chain.partners.noneLeft') }}</p>
      }
      <app-chain-action-feedback [action]="action" testId="partners" />
    </section>
  `,
  styleUrl: './chain.scss',
  styles: `
    :host {
      padding: 0;
    }
    .options {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .options > li {
      padding: 4px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainPartners {
  private readonly graphql = inject(GraphqlClient);
  protected readonly context = inject(ChainContext);
  protected readonly t = inject(TranslationService).t;
  protected readonly action = new ChainAction();

  protected readonly directoryError = computed(() => describeError(this.context.directory.error(), this.t));
  /** The person's choice so far: organisation id → reasoning; emptied when the chain incident changes. */
  private readonly picks = linkedSignal<unknown, ReadonlyMap<string, string>>({
    source: () => this.context.chain()?.partners.length,
    computation: () => new Map(),
  });
  protected readonly options = computed(() => {
    const chain = this.context.chain();
    const directory = this.context.directory.hasValue() ? this.context.directory.value() : [];
    const picks = this.picks();
    return chain
      ? choosable(directory, chain).map((o) => ({
          id: o.id,
          name: o.name,
          checked: picks.has(o.id),
          reasoning: picks.get(o.id) ?? '',
        }))
      : [];
  });
  protected readonly chosen = computed(() => [...this.picks().entries()]);

  protected toggle(id: string, checked: boolean): void {
    const next = new Map(this.picks());
    if (checked) next.set(id, next.get(id) ?? '');
    else next.delete(id);
    this.picks.set(next);
  }

  protected reason(id: string, text: string): void {
    this.picks.set(new Map(this.picks()).set(id, text));
  }

  /** The API names problems by position in the request (`partners[i]…`). */
  protected problemAt(id: string): string | null {
    const i = this.chosen().findIndex(([chosenId]) => chosenId === id);
    return i < 0 ? null : this.action.problemFor(`partners[${i}]`);
  }

  protected choose(): void {
    const chain = this.context.chain();
    if (!chain) return;
    const partners = this.chosen().map(([organisationId, reasoning]) => ({ organisationId, reasoning }));
    this.action.run(
      (confirm) =>
        this.graphql
          .request(ChoosePartnersDocument, { chainIncidentId: chain.id, partners, confirmPrivacyWarnings: confirm })
          .pipe(map((data) => data.choosePartners)),
      this.t('chain.partners.chosen', { count: partners.length }),
      (next) => this.context.saved(next, this.t('chain.partners.chosen', { count: partners.length })),
    );
  }
}
