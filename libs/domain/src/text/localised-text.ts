/** A sentence in both languages the product speaks; Dutch is the default. The API and the mailer show these as is. */
export interface LocalisedText {
  nl: string;
  en: string;
}
