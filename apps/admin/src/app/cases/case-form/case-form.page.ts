import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseStatus,
  type Channel,
  CHANNEL_LABELS,
  CHANNELS,
  type CreateCaseRequest,
  PLATFORM_FUNCTION_LABELS,
  PLATFORM_FUNCTIONS,
  type Procedure,
  PROCEDURE_LABELS,
  PROCEDURES,
  REASON_CODES,
  type ReasonCode,
  REASONS,
  REFERRAL_LABELS,
  type Representative,
  REPRESENTATIVE_LABELS,
  REPRESENTATIVES,
  type SupportCase,
} from '@madoguchi/contracts';
import { catchError, of } from 'rxjs';
import { ApiError } from '../../core/http/api-error';
import { errorText } from '../../core/http/error-text';
import { fromTokyoLocalInput, I18n, I18N_PIPES, toTokyoLocalInput, type TranslationKey } from '../../core/i18n';
import { CasesApi } from '../cases-api';
import {
  applicableFields,
  atLeastOneTicked,
  endNotBeforeStart,
  errorKey,
  startNotBeforeArrival,
  validDateTime,
} from './case-form.rules';

/** Logs one citizen's case at the counter: a few taps for a waiting arrival, the whole story for a past case. */
@Component({
  selector: 'mg-case-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-form.page.html',
  styleUrl: './case-form.page.scss',
})
export class CaseFormPage {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly channels = CHANNELS;
  protected readonly procedures = PROCEDURES;
  protected readonly ageBands = AGE_BANDS;
  protected readonly representatives = REPRESENTATIVES;
  protected readonly statuses = CASE_STATUSES;
  protected readonly reasonCodes = REASON_CODES;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly ageBandLabels = AGE_BAND_LABELS;
  protected readonly representativeLabels = REPRESENTATIVE_LABELS;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly stepLabels = PLATFORM_FUNCTION_LABELS;
  protected readonly reasons = REASONS;

  protected readonly form = this.fb.group({
    channel: this.fb.control<Channel>('counter', Validators.required),
    procedure: this.fb.control<Procedure | null>(null, Validators.required),
    ageBand: this.fb.control<AgeBand | null>(null),
    representative: this.fb.control<Representative>('self', Validators.required),
    paymentServiceId: this.fb.control<number | null>(null),
    status: this.fb.control<CaseStatus>('waiting', Validators.required),
    arrivedAt: this.fb.control(toTokyoLocalInput(), [Validators.required, validDateTime]),
    startedAt: this.fb.control('', [Validators.required, validDateTime, startNotBeforeArrival]),
    endedAt: this.fb.control('', [Validators.required, validDateTime, endNotBeforeStart]),
    completed: this.fb.group({ reservation: false, application: false }, { validators: atLeastOneTicked }),
    alreadyReserved: this.fb.control(false),
    reason: this.fb.control<ReasonCode | null>(null, Validators.required),
    note: this.fb.control(''),
  });

  private readonly status = toSignal(this.form.controls.status.valueChanges, { initialValue: 'waiting' as const });
  private readonly procedure = toSignal(this.form.controls.procedure.valueChanges, { initialValue: null });
  private readonly reason = toSignal(this.form.controls.reason.valueChanges, { initialValue: null });

  /** What the template shows; the same function enables the matching controls, so hidden means not sent. */
  protected readonly shown = computed(() => applicableFields(this.status(), this.procedure()));
  /** Where the chosen reason sends the citizen (市民課, the payment service…), to tell them before they go. */
  protected readonly referral = computed(() => {
    const reason = this.reason();
    const place = reason && this.shown().reason ? REASONS[reason].referTo : null;
    return place ? this.i18n.translate('caseForm.referTo', { place: this.i18n.label(REFERRAL_LABELS[place]) }) : '';
  });

  protected readonly paymentServices = toSignal(this.api.paymentServices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<{ detail: string; unplaced: string[] } | null>(null);
  protected readonly saved = signal<SupportCase | null>(null);
  protected readonly savedMessage = computed(() => {
    const created = this.saved();
    return created ? this.i18n.translate('caseForm.saved', { id: String(created.id) }) : '';
  });

  private checkedTimes = '';

  constructor() {
    this.applyRules();
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyRules());
  }

  /** The message under a field, or '' when it has nothing to say. */
  protected errorFor(path: string, requiredKey: TranslationKey = 'common.required'): string {
    const errors = this.form.get(path)?.errors;
    if (errors?.['server']) return errors['server'] as string;
    if (errors?.['required']) return this.i18n.translate(requiredKey);
    const key = errorKey(errors);
    return key ? this.i18n.translate(key) : '';
  }

  /** For the controls Material does not wrap in a form field (toggles, checkboxes). */
  protected showsError(path: string): boolean {
    const control = this.form.get(path);
    return !!control && control.invalid && (control.touched || this.formDirective().submitted);
  }

  protected submit(): void {
    this.problem.set(null);
    this.saved.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    if (this.saving()) return;
    this.saving.set(true);
    this.api.create(this.request()).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.saved.set(created);
        this.clear();
        this.snackBar
          .open(this.savedMessage(), this.i18n.translate('caseForm.viewList'), { duration: 8000 })
          .onAction()
          .subscribe(() => void this.router.navigate(['/cases']));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showServerErrors(error);
      },
    });
  }

  protected clear(): void {
    this.formDirective().resetForm({
      channel: 'counter',
      procedure: null,
      ageBand: null,
      representative: 'self',
      paymentServiceId: null,
      status: 'waiting',
      arrivedAt: toTokyoLocalInput(),
      startedAt: '',
      endedAt: '',
      completed: { reservation: false, application: false },
      alreadyReserved: false,
      reason: null,
      note: '',
    });
    this.problem.set(null);
  }

  /** Enables exactly the controls that apply, pre-fills times that just appeared, re-checks cross-field rules. */
  private applyRules(): void {
    const c = this.form.controls;
    const fields = applicableFields(c.status.value, c.procedure.value);
    const quiet = { emitEvent: false };

    // A start or end that becomes relevant is usually "now": staff only correct it for past cases.
    for (const name of ['startedAt', 'endedAt'] as const) {
      if (fields[name] && !c[name].enabled && !c[name].value) c[name].setValue(toTokyoLocalInput(), quiet);
      toggle(c[name], fields[name]);
    }
    toggle(c.reason, fields.reason);
    toggle(c.paymentServiceId, fields.paymentService);
    toggle(c.alreadyReserved, fields.alreadyReserved);

    const steps = c.completed.controls;
    const stepsWereShown = c.completed.enabled;
    for (const step of PLATFORM_FUNCTIONS) {
      const on = fields.steps.includes(step);
      // Completing a case usually means completing what the procedure set out to do.
      if (on && !stepsWereShown) steps[step].setValue(true, quiet);
      toggle(steps[step], on);
    }
    toggle(c.completed, fields.steps.length > 0);

    const applicationDone = fields.steps.includes('application') && steps.application.value;
    setRequired(c.paymentServiceId, applicationDone);
    setRequired(c.note, fields.reason && c.reason.value === 'other');

    // Re-check the time order only when a time moved, so a server message on a time field stays put.
    const times = [c.arrivedAt.value, c.startedAt.value, c.startedAt.enabled].join('|');
    if (times !== this.checkedTimes) {
      this.checkedTimes = times;
      c.startedAt.updateValueAndValidity(quiet);
      c.endedAt.updateValueAndValidity(quiet);
    }
  }

  private request(): CreateCaseRequest {
    const value = this.form.getRawValue();
    const fields = applicableFields(value.status, value.procedure);
    return {
      channel: value.channel,
      procedure: value.procedure as Procedure,
      ageBand: value.ageBand,
      representative: value.representative,
      paymentServiceId: fields.paymentService ? value.paymentServiceId : null,
      status: value.status,
      arrivedAt: fromTokyoLocalInput(value.arrivedAt) ?? undefined,
      startedAt: fields.startedAt ? fromTokyoLocalInput(value.startedAt) : null,
      endedAt: fields.endedAt ? fromTokyoLocalInput(value.endedAt) : null,
      completed: fields.steps.filter((step) => value.completed[step]),
      alreadyReserved: fields.alreadyReserved && value.alreadyReserved,
      reason: fields.reason ? value.reason : null,
      note: value.note.trim() || null,
    };
  }

  /** problem+json: `detail` on top, each `errors[].message` on its field (or on top when no field shows it). */
  private showServerErrors(error: unknown): void {
    const unplaced: string[] = [];
    if (error instanceof ApiError) {
      for (const { field, message } of error.fieldErrors) {
        const control = this.form.get(field.split(/[.[]/)[0]);
        if (control?.enabled) {
          control.setErrors({ ...control.errors, server: message });
          control.markAsTouched();
        } else {
          unplaced.push(message);
        }
      }
    }
    this.problem.set({ detail: errorText(error, this.i18n), unplaced });
    this.focusFirstInvalid();
  }

  // Keyboard users land on the first thing to fix instead of hunting for it.
  private focusFirstInvalid(): void {
    afterNextRender(
      () => {
        const target = this.host.nativeElement.querySelector<HTMLElement>(
          '.problem, mat-button-toggle-group.ng-invalid button, input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, fieldset.ng-invalid input',
        );
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}

function toggle(control: AbstractControl, on: boolean): void {
  if (on && control.disabled) control.enable({ emitEvent: false });
  if (!on && control.enabled) control.disable({ emitEvent: false });
}

function setRequired(control: AbstractControl, required: boolean): void {
  if (required === control.hasValidator(Validators.required)) return;
  if (required) control.addValidators(Validators.required);
  else control.removeValidators(Validators.required);
  control.updateValueAndValidity({ emitEvent: false });
}
