import type { FreeTextField } from '@babyconnect/domain';
import { checkPrivacy } from '../incidents/incidents.service';

/** A free-text field for the privacy guard, named by its Dutch/English label (never the API name or the value). */
export function freeText(field: string, nl: string, en: string, text: string | null | undefined): FreeTextField {
  return { field, label: { nl: `Het veld "${nl}"`, en: `The field "${en}"` }, text };
}

/** The partner notification's texts go to other organisations: text that looks like client data must be confirmed. */
export function checkContentPrivacy(
  input: { nature?: string | null; impact?: string | null; measures?: string | null },
  confirm: boolean | null | undefined,
): void {
  checkPrivacy(
    [
      freeText('nature', 'Aard van het datalek', 'Nature of the breach', input.nature),
      freeText('impact', 'Mogelijke gevolgen', 'Possible impact', input.impact),
      freeText('measures', 'Maatregelen', 'Measures', input.measures),
    ],
    confirm,
  );
}
