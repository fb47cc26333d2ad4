import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import { type Incident, stepActions } from '../incident-view';
import { TaskAddForm } from './task-add-form';
import { TaskEditor } from './task-editor';
import '../../../shared/i18n/texts/incident';

/**
 * Step 7's lessons learned: the improvement actions with owner, due date and status, added and followed by the
 * privacy officer from the overview on and after the incident closed (improvement goes on after the register).
 */
@Component({
  selector: 'app-improvement-actions',
  imports: [TaskAddForm, TaskEditor],
  template: `
    @let i = incident();
    <section aria-labelledby="improvement-title" data-testid="improvement-actions">
      <h3 id="improvement-title">{{ t('incident.improve.title') }}</h3>
      <p class="hint">{{ t('incident.improve.hint') }}</p>
      @if (i.stage === 'REPORTED') {
        <p class="hint" data-testid="improvement-waiting">{{ t('incident.improve.waiting') }}</p>
      }
      @for (a of i.improvementActions; track a.id) {
        <app-task-editor kind="action" [item]="a" [editable]="actions().updateImprovement" data-testid="action" />
      } @empty {
        @if (i.stage !== 'REPORTED') {
          <p class="hint" data-testid="no-actions">{{ t('incident.improve.none') }}</p>
        }
      }

      @if (actions().addImprovement) {
        <h4 id="improvement-add-title">{{ t('incident.improve.add') }}</h4>
        <app-task-add-form kind="action" labelledBy="improvement-add-title" />
      }
    </section>
  `,
  styleUrl: './step.scss',
  styles: `
    h4 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImprovementActions {
  readonly incident = input.required<Incident>();
  private readonly context = inject(IncidentContext);
  protected readonly t = inject(TranslationService).t;

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
}
