import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type Outage,
  type PaymentService,
  PLATFORM_FUNCTION_LABELS,
  PLATFORM_FUNCTIONS,
  PROCEDURE_LABELS,
  REASON_CODES,
  type ReasonCode,
  REASONS,
  REFERRAL_LABELS,
  type SupportCase,
} from '@madoguchi/contracts';
import { type CaseRecordProblem, looksLikePin, PIN_WARNING, reasonsOfOutagesNow } from '@madoguchi/rules';
import { ReplaySubject, take } from 'rxjs';
import { ApiError, isProblemType, staleCurrent } from '../core/http/api-error';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES, type TranslationKey } from '../core/i18n';
import { CasesApi } from '../cases/cases-api';
import { caseValueText } from '../cases/case-values';
import {
  changedFields,
  type ComparedField,
  defaultFinish,
  finishFields,
  type FinishFormValue,
  finishProblems,
  finishRequest,
  type Outcome,
} from './finish-case.fields';

export interface FinishCaseData {
  supportCase: SupportCase;
  paymentServices: readonly PaymentService[];
  /** Outages running now: the reasons they explain are offered first. */
  activeOutages?: readonly Outage[];
}

/** The case as recorded, or the case as it is now when the screen was stale and it can no longer be finished. */
export type FinishCaseResult = { finished: SupportCase } | { current: SupportCase };

const OUTCOME_SELECTED = 'mat-button-toggle-group[name="outcome"] button[aria-checked="true"]';

type Step =
  | { kind: 'form' }
  | { kind: 'confirm'; detail: string }
  | { kind: 'stale'; current: SupportCase; changes: { field: ComparedField; mine: string; now: string }[] };

/**
 * Finishes a case in service in as few keystrokes as the usual case needs: it opens on "completed" with the
 * procedure's steps ticked, so Enter records it; `2` switches to "not completed" and jumps to the reason.
 */
@Component({
  selector: 'mg-finish-case-dialog',
  imports: [
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
  templateUrl: './finish-case.dialog.html',
  styleUrl: './finish-case.dialog.scss',
  // On the document: keys pressed while the dialog is still taking the focus (right after `f`) count too.
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class FinishCaseDialog {
  private readonly data = inject<FinishCaseData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<FinishCaseDialog, FinishCaseResult>>(MatDialogRef);
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly stepLabels = PLATFORM_FUNCTION_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly reasons = REASONS;
  /** Every reason, those of the outages now stopping what this case needs first (they are what it cost). */
  protected readonly outageReasons = computed(() => {
    const c = this.supportCase();
    return reasonsOfOutagesNow(
      this.data.activeOutages ?? [],
      { ...c, paymentServiceId: this.value().paymentServiceId ?? c.paymentServiceId },
      new Date(),
    );
  });
  protected readonly reasonCodes = computed(() => [
    ...this.outageReasons(),
    ...REASON_CODES.filter((code) => !this.outageReasons().includes(code)),
  ]);
  protected readonly paymentServices = this.data.paymentServices;

  /** The case as this dialog knows it; replaced when staff load the current one after a stale answer. */
  protected readonly supportCase = signal(this.data.supportCase);

  protected readonly form = inject(NonNullableFormBuilder).group({
    outcome: ['completed' as Outcome],
    completed: inject(NonNullableFormBuilder).group({ reservation: false, application: false }),
    alreadyReserved: [false],
    paymentServiceId: [null as number | null],
    reason: [null as ReasonCode | null],
    note: [''],
    certRenewedAt: [''],
  });
  protected readonly value = signal<FinishFormValue>(this.form.getRawValue());

  protected readonly fields = computed(() => {
    const { outcome, alreadyReserved, reason } = this.value();
    return finishFields(this.supportCase().procedure, outcome, alreadyReserved, reason);
  });
  protected readonly step = signal<Step>({ kind: 'form' });
  protected readonly saving = signal(false);
  protected readonly submitted = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly serverErrors = signal<Readonly<Record<string, string>>>({});

  /** The shared rules' verdict, shown once staff tried to record (not while they are still choosing). */
  private readonly problems = computed(() => finishProblems(this.supportCase(), this.value()));
  /** A note that seems to hold a PIN or password is warned about before it is saved, not refused. */
  protected readonly pinWarning = computed(() => (looksLikePin(this.value().note) ? this.i18n.label(PIN_WARNING) : ''));
  protected readonly referral = computed(() => {
    const reason = this.value().reason;
    const place = reason ? REASONS[reason].referTo : null;
    return place ? this.i18n.translate('finish.referral', { place: this.i18n.label(REFERRAL_LABELS[place]) }) : '';
  });

  private readonly opened = new ReplaySubject<void>(1);
  private focusAsked = false;

  constructor() {
    // The board opens this without Material's autofocus, so that a key pressed during the opening animation
    // (`2` → the reason) is not overtaken by it; the outcome gets the focus unless a key asked for another field.
    this.dialogRef.afterOpened().subscribe(() => {
      const asked = this.focusAsked;
      this.opened.next();
      if (!asked) this.focus(OUTCOME_SELECTED);
    });
    this.reset(this.data.supportCase);
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.serverErrors.set({});
      this.value.set(this.form.getRawValue());
    });
    // Switching the outcome resets the ticks to what that outcome usually means.
    this.form.controls.outcome.valueChanges.pipe(takeUntilDestroyed()).subscribe((outcome) => this.tickFor(outcome));
    this.form.controls.alreadyReserved.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.tickFor(this.form.controls.outcome.value));
  }

  /** The message under a field: a server message first, then the shared rules' own words. */
  protected problemFor(field: CaseRecordProblem['field']): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    if (!this.submitted()) return '';
    const problem = this.problems().find((p) => p.field === field);
    return problem ? this.i18n.label(problem.message) : '';
  }

  protected reasonOption(code: ReasonCode): string {
    const reason = REASONS[code];
    const label =
      this.i18n.label(reason) + (this.outageReasons().includes(code) ? this.i18n.translate('finish.outageNow') : '');
    return reason.referTo
      ? this.i18n.translate('finish.reasonOption', {
          reason: label,
          place: this.i18n.label(REFERRAL_LABELS[reason.referTo]),
        })
      : label;
  }

  protected waitedText(): string {
    const c = this.supportCase();
    const minutes = c.startedAt
      ? Math.max(0, Math.round((Date.parse(c.startedAt) - Date.parse(c.arrivedAt)) / 60_000))
      : 0;
    return this.i18n.translate('counter.waitedFor', { n: minutes });
  }

  protected fieldName(field: ComparedField): TranslationKey {
    return `finish.fields.${field}` as TranslationKey;
  }

  // Keys that make the usual path a single keystroke; typing in the note is left alone.
  protected onKeydown(event: KeyboardEvent): void {
    if (this.step().kind !== 'form') return;
    const target = event.target as HTMLElement;
    const typing =
      target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox');
    if (event.key === 'Enter') {
      if (target.tagName === 'TEXTAREA' && !(event.ctrlKey || event.metaKey)) return;
      if (target.tagName === 'INPUT' && typing) return;
      // Buttons do their own thing, except the outcome toggles, where Enter means "this one, record it".
      if (target.tagName === 'BUTTON' && !target.closest('mat-button-toggle')) return;
      event.preventDefault();
      event.stopPropagation();
      this.submit();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '1' || event.key === '2') {
      event.preventDefault();
      this.form.controls.outcome.setValue(event.key === '1' ? 'completed' : 'not_completed');
      if (event.key === '2') this.focus('select[name="reason"]');
      else this.focus(OUTCOME_SELECTED);
    }
  }

  protected submit(confirm = false): void {
    if (this.saving()) return;
    this.submitted.set(true);
    this.failure.set(null);
    if (this.problems().length && !confirm) {
      this.focus('.field-problem');
      return;
    }
    const c = this.supportCase();
    this.saving.set(true);
    this.api.finish(c.id, finishRequest(c, this.value(), confirm)).subscribe({
      next: (finished) => {
        this.saving.set(false);
        this.dialogRef.close({ finished });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.handleError(error);
      },
    });
  }

  protected backToForm(): void {
    this.step.set({ kind: 'form' });
    this.focus(OUTCOME_SELECTED);
  }

  /** After a stale answer: carry on with the current case if it can still be finished, else hand it to the board. */
  protected reload(current: SupportCase): void {
    if (current.status !== 'in_service') {
      this.dialogRef.close({ current });
      return;
    }
    const entered = this.form.getRawValue();
    this.supportCase.set(current);
    this.form.patchValue({ ...entered });
    this.backToForm();
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  private handleError(error: unknown): void {
    if (isProblemType(error, 'confirmation-required')) {
      this.step.set({ kind: 'confirm', detail: errorText(error, this.i18n) });
      this.focus('.confirm-back');
      return;
    }
    const current = staleCurrent<SupportCase>(error);
    if (current) {
      const shown = this.supportCase();
      const services = this.paymentServices;
      const changes = changedFields(shown, current).map((field) => ({
        field,
        mine: caseValueText(field, shown[field], this.i18n, { services }),
        now: caseValueText(field, current[field], this.i18n, { services }),
      }));
      this.step.set({ kind: 'stale', current, changes });
      this.focus('.stale-reload');
      return;
    }
    if (error instanceof ApiError && error.fieldErrors.length) {
      this.serverErrors.set(Object.fromEntries(error.fieldErrors.map((e) => [e.field.split(/[.[]/)[0], e.message])));
    }
    this.failure.set(errorText(error, this.i18n));
    this.focus('.failure');
  }

  private reset(c: SupportCase): void {
    this.form.setValue(defaultFinish(c));
    this.value.set(this.form.getRawValue());
  }

  private tickFor(outcome: Outcome): void {
    const c = this.supportCase();
    const steps = finishFields(c.procedure, outcome, this.form.controls.alreadyReserved.value).steps;
    const done = outcome === 'completed';
    this.form.controls.completed.setValue({
      reservation: done && steps.includes('reservation'),
      application: done && steps.includes('application'),
    });
  }

  // Waits for the dialog to finish opening: its own first-field focus would otherwise win over a quick `2`.
  private focus(selector: string): void {
    this.focusAsked = true;
    const find = () => this.host.nativeElement.querySelector<HTMLElement>(selector);
    this.opened.pipe(take(1)).subscribe(() => {
      // Already on screen (the dialog opened after the change): focus now, as no further render may come.
      const element = find();
      if (element) element.focus();
      else afterNextRender(() => find()?.focus(), { injector: this.injector });
    });
  }

  protected readonly allSteps = PLATFORM_FUNCTIONS;
}
