import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import type { Membership, OrganisationRef } from '../api/api.types';
import type { IconName } from '../icons/material-symbols';
import { TranslationService } from '../i18n/translation.service';
import { kindLabel } from '../labels/labels';

/**
 * Menu to switch the acting organisation when the person has roles in several organisations (renders
 * nothing otherwise). Emits the chosen organisation id; the caller stores it. The shell loads it with
 * `@defer`, so the menu/overlay code is only downloaded by people who need it.
 */
@Component({
  selector: 'app-org-switcher',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  templateUrl: './org-switcher.html',
  styleUrl: './org-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgSwitcher {
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  readonly memberships = input<readonly Membership[]>([]);
  readonly acting = input<OrganisationRef | null>(null);
  readonly selectedId = input<string | null>(null);
  readonly chosen = output<string>();

  protected readonly canSwitch = computed(() => this.memberships().length > 1);
  protected readonly currentId = computed(() => this.selectedId() ?? this.acting()?.id ?? null);
  protected readonly currentName = computed(() => this.acting()?.name ?? null);

  protected kind(kind: string): string {
    return kindLabel(kind, this.i18n.lang());
  }

  protected radioIcon(organisationId: string): IconName {
    return organisationId === this.currentId() ? 'radio_button_checked' : 'radio_button_unchecked';
  }

  protected choose(organisationId: string): void {
    if (organisationId !== this.currentId()) {
      this.chosen.emit(organisationId);
    }
  }
}
