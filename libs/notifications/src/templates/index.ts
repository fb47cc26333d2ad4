export { breachReported } from './breach-reported';
export { dailyDigest } from './daily-digest';
export { deadlineCalendar, type CalendarAttachment, type DeadlineCalendarInput } from './deadline-calendar';
export { deadlineOverdue } from './deadline-overdue';
export { deadlineReminder } from './deadline-reminder';
export { DECISION_CODES, decisionLabel, isDecisionCode, type DecisionCode } from './decision-labels';
export { decisionRecorded } from './decision-recorded';
export { escapeHtml } from './escape';
export { formatInstant } from './format';
export { LOCALES, type Locale } from './locale';
export {
  CHAIN_NOTIFICATION_EVENTS,
  NOTIFICATION_EVENTS,
  renderNotification,
  type NotificationEvent,
  type NotificationMail,
  type NotificationPayload,
} from './notification';
export { otherOrganisationsInvolved } from './other-organisations-involved';
export {
  defineTemplate,
  renderMail,
  TemplateDataError,
  type FieldKind,
  type FieldKinds,
  type MailTemplate,
  type RenderedMail,
  type RenderOptions,
  type TemplateContent,
  type TemplateData,
  type DeadlineLine,
} from './template';
export * from './chain';
