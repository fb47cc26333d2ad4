import type { Routes } from '@angular/router';
import { provideUploadHttpClient } from './pages/viewer-log/upload-http';

/** Every page is lazy: `pages/<page>/<page>.ts`. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./pages/home/home').then((m) => m.Home) },
  // Who may read it is decided by the page from the acting organisation's rights (and by the API): a route guard
  // would not run again when the person switches organisation while on the page.
  {
    path: 'toegangslogboek',
    loadComponent: () => import('./pages/access-log/access-log').then((m) => m.AccessLog),
  },
  {
    path: 'melden',
    loadComponent: () => import('./pages/report/report').then((m) => m.Report),
  },
  {
    path: 'meldingen',
    pathMatch: 'full',
    loadComponent: () => import('./pages/dashboard/dashboard').then((m) => m.Dashboard),
  },
  // One incident of the acting organisation (privacy officer, FG, auditor); the page decides what may be done.
  {
    path: 'meldingen/:id',
    loadComponent: () => import('./pages/incident/incident').then((m) => m.IncidentPage),
  },
  // Every signed-in person: which mails they get, their mail language, the FG's daily digest.
  {
    path: 'berichten',
    loadComponent: () => import('./pages/my-notifications/my-notifications').then((m) => m.MyNotifications),
  },
  // The platform admin's undeliverable messages (the page and the API check `read NotificationDelivery`).
  {
    path: 'beheer/berichten',
    loadComponent: () => import('./pages/dead-letters/dead-letters').then((m) => m.DeadLetters),
  },
  // Chain incidents (issue 17). `keten/cijfers` before `keten/:id`, which would take it as an id.
  {
    path: 'keten',
    pathMatch: 'full',
    loadComponent: () => import('./pages/chain/chain-list').then((m) => m.ChainList),
  },
  {
    path: 'keten/cijfers',
    loadComponent: () => import('./pages/chain/chain-figures').then((m) => m.ChainFigures),
  },
  // The mail's link for an informed partner; login first, then straight here (keycloak-js returns to this URL).
  {
    path: 'keten/partnermeldingen/:id',
    loadComponent: () => import('./pages/chain/partner-acknowledge').then((m) => m.PartnerAcknowledge),
  },
  // The viewer log of one chain incident (issue 18), before `keten/:id`; its HttpClient reports upload progress.
  {
    path: 'keten/:id/kijklog',
    loadComponent: () => import('./pages/viewer-log/viewer-log').then((m) => m.ViewerLogPage),
    providers: [provideUploadHttpClient()],
  },
  {
    path: 'keten/:id',
    loadComponent: () => import('./pages/chain/chain-incident').then((m) => m.ChainIncidentPage),
  },
  // The detection alerts on the viewer log (issue 18): HINQ's coordinator, a privacy officer or FG; the page checks.
  // Its HttpClient reports upload progress for the coordinator's daily file.
  {
    path: 'signalen',
    loadComponent: () => import('./pages/viewer-alerts/viewer-alerts').then((m) => m.ViewerAlertsPage),
    providers: [provideUploadHttpClient()],
  },
  // The breach register and the documents of one incident (issue 15).
  { path: 'register', loadComponent: () => import('./pages/register/register').then((m) => m.RegisterPage) },
  {
    path: 'meldingen/:id/ap-melding',
    loadComponent: () => import('./pages/ap-notification/ap-notification').then((m) => m.ApNotificationPage),
  },
  { path: 'meldingen/:id/brief', loadComponent: () => import('./pages/letter/letter').then((m) => m.LetterPage) },
  { path: '**', loadComponent: () => import('./pages/not-found/not-found').then((m) => m.NotFound) },
];
