export { breachReported } from './breach-reported';
export { escapeHtml } from './escape';
export { formatInstant } from './format';
export { LOCALES, type Locale } from './locale';
export {
  defineTemplate,
  renderMail,
  TemplateDataError,
  type FieldKind,
  type FieldKinds,
  type MailTemplate,
  type RenderedMail,
  type TemplateContent,
  type TemplateData,
} from './template';
