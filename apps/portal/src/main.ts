import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig } from './app/shared/config/runtime-config';

/**
 * One build serves every environment: the runtime configuration (API URL, identity provider) is read from
 * /config.json before Angular starts, because the Keycloak client needs it while the app is being created.
 */
loadRuntimeConfig()
  .then((config) => bootstrapApplication(App, appConfig(config)))
  .catch((error: unknown) => showStartupError(error));

function showStartupError(error: unknown): void {
  console.error(error);
  const root = document.querySelector('app-root') ?? document.body;
  const box = document.createElement('div');
  box.className = 'app-startup-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'Babyconnect Datalekken kan niet starten / cannot start';
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(title, detail);
  root.replaceChildren(box);
}
