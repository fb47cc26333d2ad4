import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LANGUAGES, type Lang, TranslationService } from '../i18n/translation.service';

/**
 * NL | EN toggle for the shell's texts. Each button's name is its visible code and the language named in itself
 * ("Nederlands, NL"): a speech-input user says what she sees (WCAG 2.5.3, axe label-content-name-mismatch).
 */
@Component({
  selector: 'app-language-switch',
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly lang = this.i18n.lang;
  protected readonly languages = LANGUAGES;
  // The accessible name holds the visible code too (WCAG 2.5.3 "label in name"): a voice-control user says what
  // she sees ("click NL"), a screen-reader user hears the language's full name.
  protected readonly names: Readonly<Record<Lang, string>> = { nl: 'Nederlands, NL', en: 'English, EN' };

  protected select(lang: Lang): void {
    this.i18n.setLang(lang);
  }
}
