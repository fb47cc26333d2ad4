import type { DeadLettersQuery } from '../../shared/api/generated/graphql';
import type { TranslationKey } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatAmsterdamShort } from '../../shared/time/amsterdam-time';
import '../../shared/i18n/texts/notifications';

export type DeadLetter = DeadLettersQuery['deadLetters'][number];
type Translate = (key: TranslationKey, params?: Readonly<Record<string, string | number>>) => string;

/** How one dead letter is shown: when, what (reference and event), to whom, why, and whether a retry can help. */
export interface DeadLetterView {
  readonly id: string;
  readonly when: string;
  readonly reference: string;
  readonly organisation: string;
  readonly event: string;
  readonly to: string;
  readonly role: string;
  readonly reason: string;
  readonly attempts: string;
  /** Nobody to send to (no address): a retry cannot help until the organisation has a reachable FG. */
  readonly retryable: boolean;
}

export function deadLetterView(letter: DeadLetter, lang: Lang, t: Translate): DeadLetterView {
  return {
    id: letter.id,
    when: formatAmsterdamShort(letter.createdAt, lang),
    reference: letter.reference,
    organisation: letter.organisationName,
    event: incidentLabel('NotificationEvent', letter.event, lang),
    to: letter.recipientAddress ?? t('dead.nobody'),
    role: incidentLabel('RecipientRole', letter.recipientRole, lang),
    reason: letter.lastFailure ? letter.lastFailure.text[lang] : '',
    attempts: t('dead.attempts', { count: letter.attempts }),
    retryable: letter.recipientAddress !== null,
  };
}
