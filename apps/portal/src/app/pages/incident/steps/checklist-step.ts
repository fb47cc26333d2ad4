import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { map } from 'rxjs';
import type {
  BreachKind,
  CauseCategory,
  CountKind,
  DataSubjectGroup,
  PersonalDataCategory,
  YesNoUnknown,
} from '../../../shared/api/generated/graphql';
import {
  CompleteIncidentOverviewDocument,
  UpdateIncidentChecklistDocument,
} from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import { type Incident, enumChoices, formatInstant, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import {
  CHECKLIST_QUESTIONS,
  type ChecklistFormValue,
  type ChecklistQuestion,
  checklistAnswers,
  checklistFormValue,
  checklistInput,
} from './checklist-form';
import { ChoiceCheckboxes } from './choice-checkboxes';
import { ChoiceRadios } from './choice-radios';
import { CountField } from './count-field';
import '../../../shared/i18n/texts/incident';

/**
 * Step 3: the checklist as data (kinds, cause, start, still ongoing, data categories, counts, groups, the
 * recipients, unintelligibility), then "overzicht afronden". New facts may still be added in steps 4–6.
 */
@Component({
  selector: 'app-checklist-step',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
    ChoiceRadios,
    ChoiceCheckboxes,
    CountField,
    MutationFeedback,
  ],
  templateUrl: './checklist-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChecklistStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly choices = computed(() => {
    const lang = this.i18n.lang();
    return {
      kinds: enumChoices('BreachKind', lang),
      causes: enumChoices('CauseCategory', lang),
      yesNo: enumChoices('YesNoUnknown', lang),
      dataCategories: enumChoices('PersonalDataCategory', lang),
      groups: enumChoices('DataSubjectGroup', lang),
    };
  });
  /** The answers in words, for whoever may read but not change them (or after the incident closed). */
  protected readonly answers = computed(() =>
    checklistAnswers(checklistFormValue(this.incident().checklist), CHECKLIST_QUESTIONS, this.i18n.lang(), this.t),
  );
  protected readonly completedAt = computed(() =>
    this.incident().overviewCompletedAt ? formatInstant(this.incident().overviewCompletedAt, this.i18n.lang()) : null,
  );

  private count() {
    return this.fb.group({
      kind: this.fb.control<CountKind>('UNKNOWN'),
      value: this.fb.control<number | null>(null),
      min: this.fb.control<number | null>(null),
      max: this.fb.control<number | null>(null),
    });
  }
  private yesNo() {
    return this.fb.control<YesNoUnknown>('UNKNOWN');
  }

  protected readonly form = this.fb.group({
    kinds: this.fb.control<readonly BreachKind[]>([]),
    cause: this.fb.group({ category: this.fb.control<CauseCategory>('UNKNOWN'), description: '' }),
    startedAt: '',
    stillOngoing: this.yesNo(),
    howDiscovered: '',
    dataCategories: this.fb.control<readonly PersonalDataCategory[]>([]),
    records: this.count(),
    persons: this.count(),
    groups: this.fb.control<readonly DataSubjectGroup[]>([]),
    recipients: this.fb.group({
      count: this.count(),
      known: this.yesNo(),
      maliceLikely: this.yesNo(),
      professionalSecrecy: this.yesNo(),
      deletionConfirmed: this.yesNo(),
    }),
    unintelligible: this.fb.group({
      encrypted: this.yesNo(),
      encryptionStateOfTheArt: this.yesNo(),
      keyCompromised: this.yesNo(),
    }),
  });
  protected readonly c = this.form.controls;

  constructor() {
    // A new version fills the form, unless the person is typing (then a conflict shows what changed instead).
    effect(() => {
      const checklist = this.incident().checklist;
      untracked(() => {
        if (!this.form.dirty) this.form.reset(checklistFormValue(checklist));
      });
    });
  }

  protected problem(...fields: string[]): string | null {
    return this.run.problemFor(...fields.map((f) => `checklist.${f}`));
  }

  protected countProblems(path: string): Record<string, string | null> {
    return {
      value: this.problem(`${path}.value`),
      min: this.problem(`${path}.min`),
      max: this.problem(`${path}.max`),
    };
  }

  private changedQuestions(): ChecklistQuestion[] {
    return CHECKLIST_QUESTIONS.filter((q) => this.form.controls[q].dirty);
  }

  protected save(then?: () => void): void {
    const value = this.form.getRawValue() as ChecklistFormValue;
    const questions = this.changedQuestions();
    if (questions.length === 0) {
      then?.();
      return;
    }
    const lang = this.i18n.lang();
    this.run.run(
      (call) =>
        this.graphql
          .request(UpdateIncidentChecklistDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: { ...checklistInput(value, questions), confirmPrivacyWarnings: call.confirmPrivacyWarnings },
          })
          .pipe(map((data) => data.updateIncidentChecklist)),
      {
        success: this.t('incident.checklist.saved'),
        controls: this.controlsByField(),
        mine: () => checklistAnswers(value, questions, lang, this.t),
        stored: (incident) => checklistAnswers(checklistFormValue(incident.checklist), questions, lang, this.t),
        onSuccess: () => {
          this.form.markAsPristine();
          then?.();
        },
      },
    );
  }

  /** Saves what changed first, so nothing typed is left behind, then closes step 3. */
  protected complete(): void {
    this.save(() =>
      this.run.run(
        (call) =>
          this.graphql
            .request(CompleteIncidentOverviewDocument, { id: call.id, expectedVersion: call.expectedVersion })
            .pipe(map((data) => data.completeIncidentOverview)),
        { success: this.t('incident.checklist.completed') },
      ),
    );
  }

  private controlsByField(): Record<string, AbstractControl> {
    const c = this.form.controls;
    return {
      'checklist.cause.description': c.cause.controls.description,
      'checklist.startedAt': c.startedAt,
      'checklist.howDiscovered': c.howDiscovered,
      'checklist.records.value': c.records.controls.value,
      'checklist.records.min': c.records.controls.min,
      'checklist.records.max': c.records.controls.max,
      'checklist.persons.value': c.persons.controls.value,
      'checklist.persons.min': c.persons.controls.min,
      'checklist.persons.max': c.persons.controls.max,
      'checklist.recipients.count.value': c.recipients.controls.count.controls.value,
      'checklist.recipients.count.min': c.recipients.controls.count.controls.min,
      'checklist.recipients.count.max': c.recipients.controls.count.controls.max,
    };
  }
}
