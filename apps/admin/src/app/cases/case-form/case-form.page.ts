import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  Injector,
  input,
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
import { MatDialog } from '@angular/material/dialog';
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
  type Labelled,
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
import { looksLikePin, PIN_WARNING } from '@madoguchi/rules';
import { catchError, map, of, switchMap } from 'rxjs';
import { noMyNumber, validDateTime } from '../../core/forms/validators';
import { ApiError, staleCurrent } from '../../core/http/api-error';
import { fieldChanges } from '../../audit/audit-changes';
import { caseFieldLabel, caseValueText } from '../case-values';
import { errorText } from '../../core/http/error-text';
import { fromTokyoLocalInput, I18n, I18N_PIPES, toTokyoLocalInput, type TranslationKey } from '../../core/i18n';
import { CasesApi } from '../cases-api';
import { applicableFields, type CaseFormValue, caseFormProblems, caseRequest, recordRule } from './case-form.fields';
import { CasePreflight } from './case-preflight';
import { ConfirmFinishDialog, type ConfirmFinishData } from './confirm-finish.dialog';

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
    CasePreflight,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-form.page.html',
  styleUrl: './case-form.page.scss',
})
export class CaseFormPage {
  /** The case to correct, from the route `cases/:id/edit`; absent when logging a new case. */
  readonly id = input<string>();

  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly preflight = viewChild(CasePreflight);

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

  // Combinations of fields are judged by the shared rules (`recordRule`), the same function the API runs; the form
  // itself only knows what is required to be filled in and what is a readable date-time.
  protected readonly form = this.fb.group({
    channel: this.fb.control<Channel>('counter', Validators.required),
    procedure: this.fb.control<Procedure | null>(null, Validators.required),
    ageBand: this.fb.control<AgeBand | null>(null),
    representative: this.fb.control<Representative>('self', [Validators.required, recordRule('representative')]),
    paymentServiceId: this.fb.control<number | null>(null, recordRule('paymentServiceId')),
    status: this.fb.control<CaseStatus>('waiting', Validators.required),
    arrivedAt: this.fb.control(toTokyoLocalInput(), [Validators.required, validDateTime, recordRule('arrivedAt')]),
    startedAt: this.fb.control('', [Validators.required, validDateTime, recordRule('startedAt')]),
    endedAt: this.fb.control('', [Validators.required, validDateTime, recordRule('endedAt')]),
    completed: this.fb.group({ reservation: false, application: false }, { validators: recordRule('completed') }),
    alreadyReserved: this.fb.control(false, recordRule('alreadyReserved')),
    reason: this.fb.control<ReasonCode | null>(null, [Validators.required, recordRule('reason')]),
    note: this.fb.control('', [recordRule('note'), noMyNumber]),
  });

  /** The form's value after `applyRules` has had its say (pre-filled times, ticked steps). */
  protected readonly value = signal(this.formValue());

  /** What the template shows; the same function enables the matching controls, so hidden means not sent. */
  protected readonly shown = computed(() => {
    const { status, procedure, alreadyReserved } = this.value();
    return applicableFields(status, procedure, alreadyReserved);
  });
  /** A note that seems to hold a PIN or password is warned about before it is saved, not refused. */
  protected readonly pinWarning = computed(() => (looksLikePin(this.value().note) ? this.i18n.label(PIN_WARNING) : ''));
  /** Where the chosen reason sends the citizen (市民課, the payment service…), to tell them before they go. */
  protected readonly referral = computed(() => {
    const reason = this.value().reason;
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

  /** The pre-check runs for the procedures that touch the platform; an inquiry has nothing to check. */
  protected readonly checkedProcedure = computed(() => {
    const procedure = this.value().procedure;
    return procedure && procedure !== 'inquiry' ? procedure : null;
  });
  protected readonly chosenService = computed(() => {
    const id = this.value().paymentServiceId;
    return this.shown().paymentService ? (this.paymentServices().find((s) => s.id === id) ?? null) : null;
  });
  /** The moment the procedure was attempted: the start of service when there is one, else the arrival. */
  protected readonly checkedAt = computed(() => {
    const value = this.value();
    return (
      (this.shown().startedAt ? fromTokyoLocalInput(value.startedAt) : null) ?? fromTokyoLocalInput(value.arrivedAt)
    );
  });

  /** The case as loaded for a correction: its version is what the API checks the correction against. */
  protected readonly original = signal<SupportCase | null>(null);
  /** Someone saved the case first: what they changed, in words, until staff load the current record. */
  protected readonly stale = signal<{
    current: SupportCase;
    changes: { field: string; was: string; now: string }[];
  } | null>(null);
  protected readonly heading = computed(() => {
    const id = this.id();
    return id === undefined
      ? this.i18n.translate('caseForm.title')
      : this.i18n.translate('caseForm.editHeading', { id });
  });

  /** A submit is waiting for the pre-check or for staff to confirm: a second press must not open a second dialog. */
  private confirming = false;

  /** Each field's rule problem as last checked, to re-check a field only when the rules changed their mind about it. */
  private checkedProblems = new Map<string, string>();

  constructor() {
    effect(() => {
      const id = Number(this.id());
      if (!Number.isInteger(id) || id < 1) return;
      this.api.get(id).subscribe({
        next: (loaded) => this.fill(loaded),
        error: (error: unknown) => this.problem.set({ detail: errorText(error, this.i18n), unplaced: [] }),
      });
    });
    this.applyRules();
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.applyRules();
      this.value.set(this.formValue());
    });
  }

  /** The message under a field, or '' when it has nothing to say. */
  protected errorFor(path: string, requiredKey: TranslationKey = 'common.required'): string {
    const errors = this.form.get(path)?.errors;
    if (!errors) return '';
    if (errors['server']) return errors['server'] as string;
    if (errors['required']) return this.i18n.translate(requiredKey);
    if (errors['dateTime']) return this.i18n.translate('common.invalidDateTime');
    if (errors['record']) return this.i18n.label(errors['record'] as Labelled);
    return '';
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
    if (this.saving() || this.confirming) return;
    const request = this.request();
    const preflight = this.preflight();
    if (request.status !== 'completed' || !preflight) {
      this.save(request);
      return;
    }
    this.confirming = true;
    // Finishing a case the rules say could not succeed is allowed (staff saw what happened), but only on purpose.
    preflight
      .current()
      .pipe(
        switchMap((result) => {
          if (!result?.blockers.length) return of(true);
          const data: ConfirmFinishData = { blockers: result.blockers.map((blocker) => blocker.message) };
          return this.dialog
            .open<ConfirmFinishDialog, ConfirmFinishData, boolean>(ConfirmFinishDialog, { data })
            .afterClosed()
            .pipe(map((confirmed) => confirmed === true));
        }),
      )
      .subscribe((confirmed) => {
        this.confirming = false;
        if (confirmed) this.save(request);
      });
  }

  private save(request: CreateCaseRequest): void {
    const original = this.original();
    if (original) {
      this.saveCorrection(original, request);
      return;
    }
    this.saving.set(true);
    this.api.create(request).subscribe({
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

  private saveCorrection(original: SupportCase, request: CreateCaseRequest): void {
    this.saving.set(true);
    this.stale.set(null);
    this.api.update(original.id, { ...request, version: original.version }).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.snackBar.open(this.i18n.translate('caseForm.updated', { id: String(updated.id) }), undefined, {
          duration: 5000,
        });
        void this.router.navigate(['/cases', updated.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const current = staleCurrent<SupportCase>(error);
        if (!current) {
          this.showServerErrors(error);
          return;
        }
        const services = this.paymentServices();
        this.stale.set({
          current,
          changes: fieldChanges(original, current)
            .filter((change) => change.field !== 'staffUsername' || change.after !== null)
            .map((change) => ({
              field: caseFieldLabel(change.field, this.i18n),
              was: caseValueText(change.field, change.before, this.i18n, { services }),
              now: caseValueText(change.field, change.after, this.i18n, { services }),
            })),
        });
        this.focusFirstInvalid();
      },
    });
  }

  /** Drops the correction in progress for the record as it is now. */
  protected reloadCurrent(): void {
    const stale = this.stale();
    if (!stale) return;
    this.stale.set(null);
    this.fill(stale.current);
  }

  /** The form holds a stored case, ready to correct. */
  private fill(loaded: SupportCase): void {
    this.original.set(loaded);
    this.problem.set(null);
    const completed = {
      reservation: loaded.completed.includes('reservation'),
      application: loaded.completed.includes('application'),
    };
    this.formDirective().resetForm({
      channel: loaded.channel,
      procedure: loaded.procedure,
      ageBand: loaded.ageBand,
      representative: loaded.representative,
      paymentServiceId: loaded.paymentServiceId,
      status: loaded.status,
      arrivedAt: toTokyoLocalInput(loaded.arrivedAt),
      startedAt: loaded.startedAt ? toTokyoLocalInput(loaded.startedAt) : '',
      endedAt: loaded.endedAt ? toTokyoLocalInput(loaded.endedAt) : '',
      completed,
      alreadyReserved: loaded.alreadyReserved,
      reason: loaded.reason,
      note: loaded.note ?? '',
    });
    // The rules tick every step a completed case could have done; a stored case says which it did.
    this.form.controls.completed.patchValue(completed);
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
    this.preflight()?.reset();
    this.problem.set(null);
  }

  /** Enables exactly the controls that apply, pre-fills times that just appeared, re-checks cross-field rules. */
  private applyRules(): void {
    const c = this.form.controls;
    const fields = applicableFields(c.status.value, c.procedure.value, c.alreadyReserved.value);
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
    for (const step of PLATFORM_FUNCTIONS) {
      const on = fields.steps.includes(step);
      // Completing a case usually means completing what the procedure set out to do.
      if (on && steps[step].disabled) steps[step].setValue(true, quiet);
      toggle(steps[step], on);
    }
    toggle(c.completed, fields.steps.length > 0);

    // Not a rule of the desk but of the statistics: applications are counted per payment service.
    const applicationDone = fields.steps.includes('application') && steps.application.value;
    setRequired(c.paymentServiceId, applicationDone);
    setRequired(c.note, fields.reason && c.reason.value === 'other');

    // Re-check a field only when the shared rules' verdict on it moved, so a server message elsewhere stays put.
    const problems = caseFormProblems(this.form);
    const ruled: Readonly<Record<string, AbstractControl>> = c;
    for (const field of new Set([...this.checkedProblems.keys(), ...problems.map((p) => p.field)])) {
      const verdict = JSON.stringify(problems.find((p) => p.field === field)?.message ?? null);
      if (verdict === (this.checkedProblems.get(field) ?? 'null')) continue;
      this.checkedProblems.set(field, verdict);
      ruled[field]?.updateValueAndValidity(quiet);
    }
  }

  private formValue(): CaseFormValue {
    return this.form.getRawValue();
  }

  private request(): CreateCaseRequest {
    return caseRequest(this.formValue());
  }

  /** problem+json: `detail` on top, each `errors[].message` on its field (or on top when no field shows it). */
  private showServerErrors(error: unknown): void {
    const unplaced: string[] = [];
    if (error instanceof ApiError) {
      for (const { field, message } of error.fieldErrors) {
        const [name = field] = field.split(/[.[]/);
        const control = this.form.get(name);
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
          '.stale, .problem, mat-button-toggle-group.ng-invalid button, input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, fieldset.ng-invalid input',
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
