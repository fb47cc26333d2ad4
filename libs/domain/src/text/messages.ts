import { formatCodePoint, type ForbiddenCharacter } from './characters';
import type { LocalisedText } from './localised-text';

/**
 * Why a text was refused, as a sentence about `subject` (e.g. "Het veld "input.name"" / "The field "input.name"",
 * or "De naam van de organisatie" / "The organisation name"). Names the character and where it is, because an
 * invisible character cannot be found by looking.
 */
export function forbiddenCharacterText(subject: LocalisedText, found: ForbiddenCharacter): LocalisedText {
  const cp = formatCodePoint(found.codePoint);
  const at = found.position + 1;
  switch (found.kind) {
    case 'control':
      return {
        nl: `${subject.nl} bevat een stuurteken (${cp}, op positie ${at}); zulke tekens horen niet in tekst.`,
        en: `${subject.en} contains a control character (${cp}, at position ${at}); such characters do not belong in text.`,
      };
    case 'invisible':
      return {
        nl:
          `${subject.nl} bevat een onzichtbaar opmaakteken (${cp}, op positie ${at}), zoals een teken dat de ` +
          'leesrichting omkeert of een teken zonder breedte. Daardoor lijkt tekst anders dan hij is: verwijder het teken.',
        en:
          `${subject.en} contains an invisible formatting character (${cp}, at position ${at}), such as one that ` +
          'reverses the reading direction or one without width. It makes text look different from what it is: remove it.',
      };
    case 'unpaired-surrogate':
      return {
        nl: `${subject.nl} bevat een ongeldig teken (${cp}, een losse surrogaathelft, op positie ${at}).`,
        en: `${subject.en} contains an invalid character (${cp}, an unpaired surrogate, at position ${at}).`,
      };
  }
}
