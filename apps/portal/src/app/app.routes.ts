import type { Routes } from '@angular/router';

/** Every page is lazy: `pages/<page>/<page>.ts`. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./pages/home/home').then((m) => m.Home) },
  { path: '**', loadComponent: () => import('./pages/not-found/not-found').then((m) => m.NotFound) },
];
