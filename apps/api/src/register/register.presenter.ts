import { apAnswersText, isLateApNotification, missingApAnswers } from '@babyconnect/domain';
import type { ApNotificationAnswersType, DataSubjectLetterType } from './register.type';
import type { ApAnswersView, LetterView } from './register.service';

/** The domain's documents as the GraphQL shapes (explicit, so a domain field never leaks by accident). */
export function presentAnswers(view: ApAnswersView): ApNotificationAnswersType {
  const n = view.incident.apNotification;
  return {
    incidentId: view.incidentId,
    reference: view.reference,
    sections: view.sections,
    missing: missingApAnswers(view.sections),
    textNl: apAnswersText(view.sections, 'nl'),
    textEn: apAnswersText(view.sections, 'en'),
    decidedToNotify: view.incident.apDecision?.notify === true,
    submission: n
      ? {
          submittedAt: n.submittedAt,
          apReference: n.apReference,
          delayReasons: n.delayReasons,
          late: isLateApNotification(view.incident.report.discoveredAt, n.submittedAt),
          recordedAt: n.recordedAt,
        }
      : null,
    followUps: view.records.followUps,
    withdrawal: view.records.withdrawal,
    communications: view.records.communications,
  };
}

export function presentLetter(view: LetterView): DataSubjectLetterType {
  return {
    incidentId: view.incidentId,
    reference: view.reference,
    draft: view.draft,
    versions: view.versions.map((v) => ({
      version: v.version,
      language: v.language,
      variant: v.variant,
      subject: v.subject,
      body: v.body,
      savedAt: v.savedAt,
      savedByName: v.savedByName,
    })),
  };
}
