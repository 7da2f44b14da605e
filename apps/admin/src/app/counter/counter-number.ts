import { ChangeDetectionStrategy, Component, inject, Injectable, signal } from '@angular/core';
import { I18N_PIPES } from '../core/i18n';

const STORAGE_KEY = 'madoguchi.counterNumber';
/** The counters offered; a desk with more would say so here. */
export const COUNTER_NUMBERS = Array.from({ length: 10 }, (_, i) => i + 1);

/** The counter (窓口番号) this browser calls citizens to: chosen once per terminal and remembered there. */
@Injectable({ providedIn: 'root' })
export class CounterNumber {
  private readonly current = signal<number | null>(readStored());
  readonly value = this.current.asReadonly();

  set(counter: number | null): void {
    this.current.set(counter);
    try {
      if (counter === null) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, String(counter));
    } catch {
      // Storage can be disabled; the choice then lasts until the page is reloaded.
    }
  }
}

function readStored(): number | null {
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return COUNTER_NUMBERS.includes(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** A small select on the board: the counter that "start" calls the citizen to. */
@Component({
  selector: 'mg-counter-number-picker',
  imports: [...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="picker" [title]="'ticket.counterHint' | t">
      <span>{{ 'ticket.counterNumber' | t }}</span>
      <select name="counterNumber" (change)="choose($event)">
        <option value="" [selected]="counter.value() === null">{{ 'ticket.counterUnset' | t }}</option>
        @for (n of numbers; track n) {
          <option [value]="n" [selected]="counter.value() === n">{{ n }}</option>
        }
      </select>
    </label>
  `,
  styles: `
    .picker {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      font-size: 0.875rem;
    }
    select {
      font: inherit;
      min-height: 2.25rem;
      padding: 0 0.375rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class CounterNumberPicker {
  protected readonly counter = inject(CounterNumber);
  protected readonly numbers = COUNTER_NUMBERS;

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.counter.set(value ? Number(value) : null);
  }
}
