import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { type IconName, MATERIAL_SYMBOLS, MATERIAL_SYMBOLS_VIEW_BOX } from './material-symbols';

/** The inline SVG of an icon, as mat-icon shows it (fill follows the text colour). */
export function iconSvg(name: IconName): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${MATERIAL_SYMBOLS_VIEW_BOX}" fill="currentColor">` +
    `<path d="${MATERIAL_SYMBOLS[name]}"/></svg>`
  );
}

/**
 * Registers the portal's icons with mat-icon (`<mat-icon svgIcon="logout" />`): inline SVG from the bundle,
 * no icon font and no request. mat-icon keeps Material's sizing and the button and menu layouts around it.
 */
export function provideIcons(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const name of Object.keys(MATERIAL_SYMBOLS) as IconName[]) {
      // Trusted: constant path data of this file's module, no input from anywhere else.
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(iconSvg(name)));
    }
  });
}
