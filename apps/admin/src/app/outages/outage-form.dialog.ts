import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type CreateOutageRequest,
  type Outage,
  OUTAGE_KIND_LABELS,
  OUTAGE_KINDS,
  OUTAGE_SYSTEM_LABELS,
  OUTAGE_SYSTEMS,
  type OutageKind,
  type OutageSystem,
  type PaymentService,
  PLATFORM_FUNCTION_LABELS,
  PLATFORM_FUNCTIONS,
} from '@madoguchi/contracts';
import { map, type Observable, of, pairwise, startWith } from 'rxjs';
import { FieldErrorPipe } from '../core/forms/field-error.pipe';
import { noMyNumber, validDateTime } from '../core/forms/validators';
import { staleCurrent } from '../core/http/api-error';
import { errorText } from '../core/http/error-text';
import { formatTokyoDateTime, fromTokyoLocalInput, I18n, I18N_PIPES, toTokyoLocalInput } from '../core/i18n';
import { ConfirmOutageDialog, type ConfirmOutageData } from './confirm-outage.dialog';
import { affectsAfterSystemChange, defaultAffects } from './outage-defaults';
import { OutagesApi } from './outages-api';

export interface OutageFormData {
  /** The outage to correct; absent to record a new one. */
  outage?: Outage;
  paymentServices: readonly PaymentService[];
}

/** Records a new outage or corrects one (times, kind, what it stopped); an empty end means it is still going on. */
@Component({
  selector: 'mg-outage-form-dialog',
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .affects-hint {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h2 mat-dialog-title>
      {{ outage() ? ('outages.editTitle' | t: { id: outage()?.id ?? '' }) : ('outages.newTitle' | t) }}
    </h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="outage-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <span class="choice-label" id="outage-system">{{ 'outages.system' | t }}</span>
        <mat-button-toggle-group formControlName="system" aria-labelledby="outage-system" hideSingleSelectionIndicator>
          @for (system of systems; track system) {
            <mat-button-toggle [value]="system">{{ systemLabels[system] | label }}</mat-button-toggle>
          }
        </mat-button-toggle-group>

        @if (system() === 'payment_service') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outages.paymentService' | t }}</mat-label>
            <select matNativeControl formControlName="paymentServiceId" required>
              <option [ngValue]="null">{{ 'common.choose' | t }}</option>
              @for (service of data.paymentServices; track service.id) {
                <option [ngValue]="service.id">{{ service.name }}</option>
              }
            </select>
            <mat-error>{{ 'outages.paymentServiceRequired' | t }}</mat-error>
          </mat-form-field>
        }

        <span class="choice-label" id="outage-kind">{{ 'outages.kind' | t }}</span>
        <mat-button-toggle-group formControlName="kind" aria-labelledby="outage-kind" hideSingleSelectionIndicator>
          @for (kind of kinds; track kind) {
            <mat-button-toggle [value]="kind">{{ kindLabels[kind] | label }}</mat-button-toggle>
          }
        </mat-button-toggle-group>

        <mat-form-field appearance="outline">
          <mat-label>{{ 'outages.startsAt' | t }}</mat-label>
          <input matInput type="datetime-local" formControlName="startsAt" required />
          <mat-hint>{{ 'common.tokyoTime' | t }}</mat-hint>
          <mat-error>{{ 'common.invalidDateTime' | t }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'outages.endsAt' | t }}</mat-label>
          <input matInput type="datetime-local" formControlName="endsAt" />
          <mat-hint>{{ 'outages.endsAtHint' | t }}</mat-hint>
          <mat-error>{{ 'common.invalidDateTime' | t }}</mat-error>
        </mat-form-field>
        @if (endBeforeStart()) {
          <p class="field-problem" role="alert">{{ 'outages.endBeforeStart' | t }}</p>
        }

        <fieldset formGroupName="affects" aria-describedby="outage-affects-hint">
          <legend class="choice-label">{{ 'outages.affects' | t }}</legend>
          @for (f of functions; track f) {
            <mat-checkbox [formControlName]="f">{{ functionLabels[f] | label }}</mat-checkbox>
          }
          <p class="affects-hint" id="outage-affects-hint">{{ affectsHint() | t }}</p>
          @if (noneAffected()) {
            <p class="field-problem">{{ 'outages.affectsRequired' | t }}</p>
          }
        </fieldset>

        <mat-form-field appearance="outline">
          <mat-label>{{ 'outages.note' | t }}</mat-label>
          <textarea matInput formControlName="note" rows="2"></textarea>
          <mat-hint>{{ 'caseForm.noteHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.note.errors | fieldError }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'outages.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="outage-form" [disabled]="saving()">
        {{ (saving() ? 'outages.saving' : 'outages.save') | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class OutageFormDialog {
  protected readonly data = inject<OutageFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<OutageFormDialog, Outage>>(MatDialogRef);
  private readonly api = inject(OutagesApi);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialog = inject(MatDialog);

  protected readonly systems = OUTAGE_SYSTEMS;
  protected readonly kinds = OUTAGE_KINDS;
  protected readonly functions = PLATFORM_FUNCTIONS;
  protected readonly systemLabels = OUTAGE_SYSTEM_LABELS;
  protected readonly kindLabels = OUTAGE_KIND_LABELS;
  protected readonly functionLabels = PLATFORM_FUNCTION_LABELS;

  /** The outage as last read from the API: its version goes with the correction. */
  protected readonly outage = signal(this.data.outage ?? null);

  protected readonly form = this.fb.group({
    system: this.fb.control<OutageSystem>('mykey_platform'),
    paymentServiceId: this.fb.control<number | null>(null),
    kind: this.fb.control<OutageKind>('unplanned'),
    startsAt: this.fb.control(toTokyoLocalInput(), [Validators.required, validDateTime]),
    endsAt: this.fb.control('', validDateTime),
    affects: this.fb.group({ ...defaultAffects('mykey_platform') }),
    note: this.fb.control('', noMyNumber),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly system = computed(() => this.value().system);
  protected readonly affectsHint = computed(() => `outageForm.affectsHint.${this.system()}` as const);
  protected readonly submitted = signal(false);
  protected readonly noneAffected = computed(
    () => this.submitted() && !this.value().affects.reservation && !this.value().affects.application,
  );
  protected readonly endBeforeStart = computed(() => {
    const { startsAt, endsAt } = this.value();
    const start = fromTokyoLocalInput(startsAt);
    const end = fromTokyoLocalInput(endsAt);
    return !!start && !!end && end <= start;
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    if (this.data.outage) this.load(this.data.outage);
    // What the outage stops follows the system chosen, until staff tick the boxes themselves.
    const system = this.form.controls.system;
    system.valueChanges
      .pipe(startWith(system.value), pairwise(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(([before, after]) => {
        const affects = this.form.controls.affects;
        const next = affectsAfterSystemChange(affects.getRawValue(), before, after);
        if (next !== affects.getRawValue()) affects.setValue({ ...next });
      });
  }

  protected save(): void {
    this.submitted.set(true);
    const value = this.form.getRawValue();
    const serviceMissing = value.system === 'payment_service' && value.paymentServiceId === null;
    if (this.form.invalid || this.noneAffected() || this.endBeforeStart() || serviceMissing || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const request: CreateOutageRequest = {
      system: value.system,
      paymentServiceId: value.system === 'payment_service' ? value.paymentServiceId : null,
      kind: value.kind,
      startsAt: fromTokyoLocalInput(value.startsAt) as string,
      endsAt: fromTokyoLocalInput(value.endsAt),
      affects: PLATFORM_FUNCTIONS.filter((f) => value.affects[f]),
      note: value.note.trim() || null,
    };
    const existing = this.outage();
    // A new outage going on now shows at once on the counter and to citizens: say so before recording it.
    const confirmed = !existing && inEffectNow(request) ? this.confirmNow(request) : of(true);
    confirmed.subscribe((ok) => {
      if (ok) this.send(request, existing);
    });
  }

  private confirmNow(request: CreateOutageRequest): Observable<boolean> {
    const lang = this.i18n.lang();
    const t = (key: Parameters<I18n['translate']>[0]) => this.i18n.translate(key);
    const service = this.data.paymentServices.find((s) => s.id === request.paymentServiceId)?.name;
    const data: ConfirmOutageData = {
      title: t('outageForm.confirmNowTitle'),
      text: t('outageForm.confirmNowText'),
      details: [
        {
          term: t('outages.system'),
          value: this.i18n.label(OUTAGE_SYSTEM_LABELS[request.system]) + (service ? ` ${service}` : ''),
        },
        {
          term: t('outages.affects'),
          value: request.affects.map((f) => this.i18n.label(PLATFORM_FUNCTION_LABELS[f])).join('・'),
        },
        { term: t('outages.startsAt'), value: formatTokyoDateTime(request.startsAt, lang) },
        {
          term: t('outages.endsAt'),
          value: request.endsAt ? formatTokyoDateTime(request.endsAt, lang) : t('outageForm.untilUnknown'),
        },
      ],
      confirm: t('outageForm.confirmNow'),
      back: t('outageForm.back'),
    };
    return this.dialog
      .open<ConfirmOutageDialog, ConfirmOutageData, boolean>(ConfirmOutageDialog, { data, maxWidth: '32rem' })
      .afterClosed()
      .pipe(map((answer) => answer === true));
  }

  private send(request: CreateOutageRequest, existing: Outage | null): void {
    this.saving.set(true);
    this.failure.set(null);
    const call = existing
      ? this.api.update(existing.id, { ...request, version: existing.version })
      : this.api.create(request);
    call.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        const current = staleCurrent<Outage>(error);
        if (current) {
          // Someone else corrected it meanwhile: show their values, keep nothing of ours silently.
          this.load(current);
          this.failure.set(this.i18n.translate('outages.stale'));
        } else {
          this.failure.set(`${this.i18n.translate('outages.failed')}: ${errorText(error, this.i18n)}`);
        }
      },
    });
  }

  private load(o: Outage): void {
    this.outage.set(o);
    this.form.setValue({
      system: o.system,
      paymentServiceId: o.paymentServiceId,
      kind: o.kind,
      startsAt: toTokyoLocalInput(o.startsAt),
      endsAt: o.endsAt ? toTokyoLocalInput(o.endsAt) : '',
      affects: { reservation: o.affects.includes('reservation'), application: o.affects.includes('application') },
      note: o.note ?? '',
    });
  }
}

/** Started already and not yet over: the counter's banner and the self-check show it from the moment it is saved. */
function inEffectNow(request: CreateOutageRequest, now = Date.now()): boolean {
  return Date.parse(request.startsAt) <= now && (!request.endsAt || Date.parse(request.endsAt) > now);
}
