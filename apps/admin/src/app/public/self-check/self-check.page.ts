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
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { type IsoInstant, type PaymentService, PROCEDURE_LABELS, REFERRAL_LABELS } from '@madoguchi/contracts';
import { addDays, type ClosedReason, type DeskDay, type PreflightResult, tokyoDate } from '@madoguchi/rules';
import { catchError, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { validDateTime, wholeNumber } from '../../core/forms/validators';
import { ApiError } from '../../core/http/api-error';
import { errorText } from '../../core/http/error-text';
import {
  formatTokyoDate,
  fromTokyoLocalInput,
  I18n,
  I18N_PIPES,
  LanguageSwitch,
  toTokyoLocalInput,
  tokyoToday,
  type TranslationKey,
} from '../../core/i18n';
import {
  type CertificateStatus,
  CERTIFICATE_STATUSES,
  type PinState,
  PIN_STATES,
  PreflightApi,
  type PreflightProcedure,
  PREFLIGHT_PROCEDURES,
  type PreflightRequest,
} from '../../preflight/preflight-api';
import { PreflightResultView } from '../../preflight/preflight-result';
import { CongestionApi } from '../congestion/congestion-api';
import { MaintenanceNotice } from '../maintenance-notice';

/** How many days of desk hours the page lists. */
const CALENDAR_DAYS = 14;

const CERTIFICATE_KEYS: Readonly<Record<CertificateStatus, TranslationKey>> = {
  valid: 'selfCheck.certificateValid',
  expired: 'selfCheck.certificateExpired',
  not_issued: 'selfCheck.certificateNotIssued',
};

const PIN_KEYS: Readonly<Record<PinState, TranslationKey>> = {
  known: 'selfCheck.pinKnown',
  forgotten: 'selfCheck.pinForgotten',
  locked: 'selfCheck.pinLocked',
};

const CLOSED_KEYS: Readonly<Record<ClosedReason, TranslationKey>> = {
  weekend: 'selfCheck.closedReason.weekend',
  holiday: 'selfCheck.closedReason.holiday',
  year_end: 'selfCheck.closedReason.year_end',
  saturday_off: 'selfCheck.closedReason.saturday_off',
  outside_programme: 'selfCheck.closedReason.outside_programme',
  local_closure: 'selfCheck.closedReason.local_closure',
};

/** API field names (problem+json `errors[].field`) → the question that asked for them. */
const FIELD_CONTROLS: Readonly<Record<string, string>> = {
  at: 'at',
  procedure: 'procedure',
  holderAge: 'holderAge',
  paymentServiceId: 'paymentServiceId',
  'certificate.issuedOrRenewedAt': 'certificateChangedAt',
  issuedOrRenewedAt: 'certificateChangedAt',
};

/** One row of the hours list, already worded. */
interface DeskDayRow {
  date: string;
  hours: string;
  open: boolean;
}

/**
 * The citizens' self-check: a few questions, then whether the desk can do the procedure at the planned time, what
 * stands in the way, where to go about it and the earliest time to come. Public: no sign-in, works on a phone.
 */
@Component({
  selector: 'mg-self-check-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    LanguageSwitch,
    PreflightResultView,
    MaintenanceNotice,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The device's own Japanese font (styles.scss): a citizen's phone downloads no web font.
  host: { class: 'public-page' },
  templateUrl: './self-check.page.html',
  styleUrl: './self-check.page.scss',
})
export class SelfCheckPage {
  private readonly api = inject(PreflightApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly procedures = PREFLIGHT_PROCEDURES;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly certificateStatuses = CERTIFICATE_STATUSES;
  protected readonly certificateKeys = CERTIFICATE_KEYS;
  protected readonly pinStates = PIN_STATES;
  protected readonly pinKeys = PIN_KEYS;
  protected readonly callCentre = REFERRAL_LABELS.call_centre;
  /** `tel:` link to the call centre, taken from the number the contracts' label carries. */
  protected readonly callCentreTel = `tel:${(/0\d{2,4}-\d{1,4}-\d{3,4}/.exec(REFERRAL_LABELS.call_centre.ja)?.[0] ?? '').replace(/-/g, '')}`;

  protected readonly form = this.fb.group({
    procedure: this.fb.control<PreflightProcedure | null>(null, Validators.required),
    holderAge: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(130),
      wholeNumber,
    ]),
    holderPresent: this.fb.control(true),
    hasCard: this.fb.control(true),
    certificateStatus: this.fb.control<CertificateStatus>('valid'),
    certificateChangedAt: this.fb.control('', validDateTime),
    pin: this.fb.control<PinState>('known'),
    alreadyReserved: this.fb.control(false),
    paymentServiceId: this.fb.control<number | null>(null, Validators.required),
    serviceItemsReady: this.fb.control(false),
    serviceRegistrationDone: this.fb.control(false),
    at: this.fb.control(toTokyoLocalInput(), [Validators.required, validDateTime]),
  });

  protected readonly answers = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly outagesFailed = signal(false);
  /** Maintenance going on and announced: a citizen planning a visit should not plan it into one. */
  protected readonly outages = toSignal(
    inject(CongestionApi)
      .outages()
      .pipe(
        catchError(() => {
          this.outagesFailed.set(true);
          return of(null);
        }),
      ),
    { initialValue: null },
  );

  protected readonly paymentServices = toSignal(this.api.paymentServices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly involvesApplication = computed(() => {
    const procedure = this.answers().procedure;
    return procedure === 'application' || procedure === 'both';
  });
  protected readonly chosenService = computed(() => {
    const id = this.answers().paymentServiceId;
    return this.involvesApplication() ? (this.paymentServices().find((s) => s.id === id) ?? null) : null;
  });

  protected readonly checking = signal(false);
  protected readonly answer = signal<{ result: PreflightResult; at: IsoInstant; request: string } | null>(null);
  protected readonly problem = signal<string | null>(null);
  /** The answers moved on since the result on screen was computed. */
  protected readonly stale = computed(() => {
    const answer = this.answer();
    return answer !== null && answer.request !== JSON.stringify(this.request());
  });

  /** The hours list starts on the planned day, so a citizen planning ahead sees the days around their visit. */
  protected readonly calendarFrom = computed(() => {
    const at = fromTokyoLocalInput(this.answers().at);
    return at ? tokyoDate(at) : tokyoToday();
  });
  private readonly deskDays = toSignal(
    toObservable(this.calendarFrom).pipe(
      distinctUntilChanged(),
      switchMap((from) =>
        this.api.calendar(from, addDays(from, CALENDAR_DAYS - 1)).pipe(catchError(() => of<DeskDay[] | null>(null))),
      ),
    ),
    { initialValue: null },
  );
  protected readonly calendarRows = computed((): DeskDayRow[] | null => {
    const lang = this.i18n.lang();
    return (
      this.deskDays()?.map((day) => ({
        date: formatTokyoDate(day.date, lang),
        open: day.open,
        hours: day.open
          ? day.hours.map((h) => `${clock(h.from)}${lang === 'ja' ? '〜' : '–'}${clock(h.to)}`).join(', ')
          : this.i18n.translate('selfCheck.closed', {
              reason:
                day.closedReason === 'holiday' && day.holidayName && lang === 'ja'
                  ? day.holidayName
                  : this.i18n.translate(CLOSED_KEYS[day.closedReason ?? 'local_closure']),
            }),
      })) ?? null
    );
  });
  protected readonly calendarFromText = computed(() =>
    this.i18n.translate('selfCheck.hoursFrom', { date: formatTokyoDate(this.calendarFrom(), this.i18n.lang()) }),
  );

  constructor() {
    this.applyVisibility();
    this.form.controls.procedure.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyVisibility());
  }

  /** A service as the list offers it, marked when the city's terminal cannot apply for it. */
  protected serviceOption(service: PaymentService): string {
    if (service.appliesAtSpot) return service.name;
    const mark = this.i18n.translate('selfCheck.notAtSpot');
    return this.i18n.lang() === 'ja' ? `${service.name}(${mark})` : `${service.name} (${mark})`;
  }

  protected requiredItemsTitle(name: string): string {
    return this.i18n.translate('selfCheck.requiredItems', { name });
  }

  protected registrationLabel(name: string): string {
    return this.i18n.translate('selfCheck.registrationDone', { name });
  }

  /** The message under a field, or '' when it has nothing to say. */
  protected errorFor(name: keyof typeof this.form.controls): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (errors['server']) return errors['server'] as string;
    if (errors['required']) {
      return this.i18n.translate(
        name === 'procedure' || name === 'paymentServiceId' ? 'common.choose' : 'common.required',
      );
    }
    if (errors['dateTime']) return this.i18n.translate('common.invalidDateTime');
    if (name === 'holderAge') return this.i18n.translate('selfCheck.holderAgeInvalid');
    return '';
  }

  /** For the radio groups, which Material does not wrap in a form field. */
  protected showsError(name: keyof typeof this.form.controls): boolean {
    const control = this.form.controls[name];
    return control.invalid && control.touched;
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus('.ng-invalid input, input.ng-invalid, select.ng-invalid');
      return;
    }
    if (this.checking()) return;
    const request = this.request();
    this.checking.set(true);
    this.problem.set(null);
    this.api.check(request).subscribe({
      next: (result) => {
        this.checking.set(false);
        this.answer.set({ result, at: request.at ?? new Date().toISOString(), request: JSON.stringify(request) });
        // The answer appears below a long form: take the reader (and a screen reader's cursor) to it.
        this.focus('#result-title');
      },
      error: (error: unknown) => {
        this.checking.set(false);
        this.answer.set(null);
        this.showServerErrors(error);
      },
    });
  }

  /** Only the questions that matter for the chosen procedure are asked, and only those are sent. */
  private applyVisibility(): void {
    const c = this.form.controls;
    const procedure = c.procedure.value;
    const application = procedure === 'application' || procedure === 'both';
    for (const control of [c.paymentServiceId, c.serviceItemsReady, c.serviceRegistrationDone]) {
      if (application) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
    if (procedure === 'both') c.alreadyReserved.enable({ emitEvent: false });
    else c.alreadyReserved.disable({ emitEvent: false });
  }

  private request(): PreflightRequest {
    const value = this.answers();
    const service = this.chosenService();
    const application = this.involvesApplication();
    const changedAt = fromTokyoLocalInput(value.certificateChangedAt);
    return {
      at: fromTokyoLocalInput(value.at) ?? undefined,
      procedure: value.procedure ?? 'reservation',
      holderAge: value.holderAge ?? 0,
      holderPresent: value.holderPresent,
      hasCard: value.hasCard,
      certificate: {
        status: value.certificateStatus,
        // A renewal date only matters for a valid certificate: the 24-hour wait.
        ...(changedAt && value.certificateStatus === 'valid' ? { issuedOrRenewedAt: changedAt } : {}),
      },
      pin: value.pin,
      alreadyReserved: value.procedure === 'both' && value.alreadyReserved,
      ...(application && value.paymentServiceId !== null
        ? {
            paymentServiceId: value.paymentServiceId,
            // A service that lists no items or needs no registration has nothing to confirm.
            serviceItemsReady: !service?.requiredItems.length || value.serviceItemsReady,
            serviceRegistrationDone: !service?.requiresPreRegistration || value.serviceRegistrationDone,
          }
        : {}),
    };
  }

  /** problem+json: each `errors[].field` on its question, `detail` on top. */
  private showServerErrors(error: unknown): void {
    if (error instanceof ApiError) {
      for (const { field, message } of error.fieldErrors) {
        const name = FIELD_CONTROLS[field] as keyof typeof this.form.controls | undefined;
        const control = name ? this.form.controls[name] : null;
        if (control?.enabled) {
          control.setErrors({ ...control.errors, server: message });
          control.markAsTouched();
        }
      }
    }
    this.problem.set(errorText(error, this.i18n));
    this.focus('.problem');
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}

/** '08:30' → '8:30', as the desk writes its hours. */
function clock(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}
