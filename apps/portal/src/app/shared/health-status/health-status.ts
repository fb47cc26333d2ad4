import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { HealthView } from '../api/health.service';
import type { TranslationKey } from '../i18n/nl';
import type { IconName } from '../icons/material-symbols';
import { TranslationService } from '../i18n/translation.service';

interface CheckRow {
  readonly id: 'api' | 'database' | 'migrations';
  readonly label: TranslationKey;
  readonly status: 'ok' | 'error' | 'unknown';
  readonly value: TranslationKey;
}

/** "API bereikbaar / database / migraties" with icon + text (never colour alone). */
@Component({
  selector: 'app-health-status',
  imports: [MatButtonModule, MatIconModule],
  templateUrl: './health-status.html',
  styleUrl: './health-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthStatus {
  protected readonly t = inject(TranslationService).t;

  readonly health = input<HealthView | undefined>(undefined);
  readonly loading = input(false);
  readonly recheck = output<void>();

  protected readonly rows = computed<readonly CheckRow[]>(() => {
    const health = this.health();
    if (!health) {
      return [];
    }
    return [
      {
        id: 'api',
        label: 'health.api',
        status: health.reachable ? 'ok' : 'error',
        value: health.reachable ? 'health.yes' : 'health.no',
      },
      {
        id: 'database',
        label: 'health.database',
        status: health.database,
        value: health.database === 'ok' ? 'health.ok' : health.database === 'error' ? 'health.error' : 'health.unknown',
      },
      {
        id: 'migrations',
        label: 'health.migrations',
        status: health.migrations === 'ok' ? 'ok' : health.migrations === 'pending' ? 'error' : 'unknown',
        value:
          health.migrations === 'ok'
            ? 'health.ok'
            : health.migrations === 'pending'
              ? 'health.pending'
              : 'health.unknown',
      },
    ];
  });

  protected readonly allOk = computed(() => this.health()?.status === 'ok' && this.health()?.reachable === true);

  protected icon(status: CheckRow['status']): IconName {
    return status === 'ok' ? 'check_circle' : status === 'error' ? 'error' : 'help';
  }
}
