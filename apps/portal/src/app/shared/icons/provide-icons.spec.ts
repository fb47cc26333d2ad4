import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconModule } from '@angular/material/icon';
import { type IconName, MATERIAL_SYMBOLS } from './material-symbols';
import { provideIcons } from './provide-icons';

@Component({
  imports: [MatIconModule],
  template: `@for (name of names; track name) {
    <mat-icon aria-hidden="true" [svgIcon]="name" />
  }`,
})
class AllIcons {
  readonly names = Object.keys(MATERIAL_SYMBOLS) as IconName[];
}

describe('provideIcons', () => {
  it('renders every icon as inline SVG in the text colour, without an icon font', async () => {
    TestBed.configureTestingModule({ imports: [AllIcons], providers: [provideIcons()] });
    const fixture = TestBed.createComponent(AllIcons);
    await fixture.whenStable();
    const icons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('mat-icon')];
    expect(icons.map((icon) => icon.getAttribute('data-mat-icon-name'))).toEqual(Object.keys(MATERIAL_SYMBOLS));
    for (const icon of icons) {
      const svg = icon.querySelector('svg');
      expect(svg?.getAttribute('viewBox')).toBe('0 -960 960 960');
      expect(svg?.getAttribute('fill')).toBe('currentColor');
      const name = icon.getAttribute('data-mat-icon-name') as IconName;
      expect(svg?.querySelector('path')?.getAttribute('d')).toBe(MATERIAL_SYMBOLS[name]);
      expect(icon.textContent?.trim()).toBe(''); // no ligature text for screen readers or copy-paste
      expect(icon.classList.contains('material-symbols-outlined')).toBe(false);
    }
  });
});
