import { ChangeDetectionStrategy, Component, computed, inject, InjectionToken, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AgeBand, IsoInstant, PaymentService, Procedure, Representative } from '@madoguchi/contracts';
import { type PreflightResult, PROXY_AGE_LIMIT } from '@madoguchi/rules';
import { catchError, debounce, distinctUntilChanged, map, type Observable, of, switchMap, tap, timer } from 'rxjs';
import { validDateTime } from '../../core/forms/validators';
import { errorText } from '../../core/http/error-text';
import { fromTokyoLocalInput, I18n, I18N_PIPES, type TranslationKey } from '../../core/i18n';
import {
  type CertificateStatus,
  CERTIFICATE_STATUSES,
  type PinState,
  PIN_STATES,
  PreflightApi,
  type PreflightRequest,
} from '../../preflight/preflight-api';
import { PreflightResultView } from '../../preflight/preflight-result';

/** How long the panel waits for typing to pause before asking the API again. */
export const PREFLIGHT_DEBOUNCE_MS = new InjectionToken<number>('PREFLIGHT_DEBOUNCE_MS', { factory: () => 400 });

/**
 * The youngest age of each band. The preflight reads the holder's age only to tell whether a legal representative
 * may act alone (under 15), and every band lies wholly on one side of 15, so the band's floor gives the same answer
 * as the exact age without one more field at the counter (`ageBandFor(AGE_BAND_FLOOR[b]) === b`, checked in tests).
 */
export const AGE_BAND_FLOOR: Readonly<Record<AgeBand, number>> = {
  under15: 0,
  '15to19': 15,
  '20to39': 20,
  '40to64': 40,
  '65to74': 65,
  '75plus': 75,
};

const CERTIFICATE_KEYS: Readonly<Record<CertificateStatus, TranslationKey>> = {
  valid: 'casePreflight.certificateValid',
  expired: 'casePreflight.certificateExpired',
  not_issued: 'casePreflight.certificateNotIssued',
};

const PIN_KEYS: Readonly<Record<PinState, TranslationKey>> = {
  known: 'casePreflight.pinKnown',
  forgotten: 'casePreflight.pinForgotten',
  locked: 'casePreflight.pinLocked',
};

/** Either a request to send, or why the panel cannot ask yet. */
type Ask = { request: PreflightRequest; key: string } | { hint: TranslationKey };

type Shown =
  | { state: 'hint'; key: TranslationKey }
  | { state: 'checking' }
  | { state: 'failed'; message: string }
  | { state: 'answered'; result: PreflightResult; at: IsoInstant };

/**
 * The desk's rules for the case being logged, asked of `POST /api/preflight` as staff fill the form (the server
 * knows the recorded outages). Defaults describe an ordinary citizen who can proceed, so staff touch it only when
 * something differs; nothing entered here is stored with the case.
 */
@Component({
  selector: 'mg-case-preflight',
  imports: [
    ReactiveFormsModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    PreflightResultView,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-preflight.html',
  styleUrl: './case-preflight.scss',
})
export class CasePreflight {
  readonly procedure = input.required<Exclude<Procedure, 'inquiry'>>();
  readonly representative = input.required<Representative>();
  readonly ageBand = input<AgeBand | null>(null);
  readonly paymentService = input<PaymentService | null>(null);
  readonly alreadyReserved = input(false);
  /** When the procedure is (or was) attempted: the start of service, else the arrival. */
  readonly at = input<IsoInstant | null>(null);

  private readonly api = inject(PreflightApi);
  private readonly i18n = inject(I18n);
  private readonly debounceMs = inject(PREFLIGHT_DEBOUNCE_MS);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly certificateStatuses = CERTIFICATE_STATUSES;
  protected readonly certificateKeys = CERTIFICATE_KEYS;
  protected readonly pinStates = PIN_STATES;
  protected readonly pinKeys = PIN_KEYS;

  private readonly defaults = {
    certificateStatus: 'valid' as CertificateStatus,
    certificateChangedAt: '',
    pin: 'known' as PinState,
    hasCard: true,
    serviceItemsReady: true,
    serviceRegistrationDone: true,
  };
  protected readonly form = this.fb.group({
    certificateStatus: this.fb.control(this.defaults.certificateStatus),
    certificateChangedAt: this.fb.control(this.defaults.certificateChangedAt, validDateTime),
    pin: this.fb.control(this.defaults.pin),
    hasCard: this.fb.control(this.defaults.hasCard),
    serviceItemsReady: this.fb.control(this.defaults.serviceItemsReady),
    serviceRegistrationDone: this.fb.control(this.defaults.serviceRegistrationDone),
  });
  protected readonly answers = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly involvesApplication = computed(() => this.procedure() !== 'reservation');

  private readonly ask = computed((): Ask => {
    const answers = this.answers();
    const service = this.paymentService();
    const application = this.involvesApplication();
    const present = this.representative() === 'self';
    const band = this.ageBand();
    if (application && !service) return { hint: 'casePreflight.needsService' };
    if (!present && !band) return { hint: 'casePreflight.needsAgeBand' };
    const changedAt = fromTokyoLocalInput(answers.certificateChangedAt);
    const request: PreflightRequest = {
      ...(this.at() ? { at: this.at() as IsoInstant } : {}),
      procedure: this.procedure(),
      // A holder at the counter may do it at any age, so without a band any age gives the same answer.
      holderAge: band ? AGE_BAND_FLOOR[band] : PROXY_AGE_LIMIT,
      holderPresent: present,
      hasCard: answers.hasCard,
      certificate: {
        status: answers.certificateStatus,
        ...(changedAt && answers.certificateStatus === 'valid' ? { issuedOrRenewedAt: changedAt } : {}),
      },
      pin: answers.pin,
      alreadyReserved: this.procedure() === 'both' && this.alreadyReserved(),
      ...(application && service
        ? {
            paymentServiceId: service.id,
            serviceItemsReady: !service.requiredItems.length || answers.serviceItemsReady,
            serviceRegistrationDone: !service.requiresPreRegistration || answers.serviceRegistrationDone,
          }
        : {}),
    };
    return { request, key: JSON.stringify(request) };
  });

  /** The last answer and the request it answers, so that a submit can reuse it when nothing has changed. */
  private readonly answered = signal<{ key: string; result: PreflightResult; at: IsoInstant } | null>(null);
  private readonly failure = signal<unknown>(null);
  private readonly checking = signal(false);

  protected readonly shown = computed((): Shown => {
    const ask = this.ask();
    if ('hint' in ask) return { state: 'hint', key: ask.hint };
    const answered = this.answered();
    if (answered && answered.key === ask.key) return { state: 'answered', result: answered.result, at: answered.at };
    const failure = this.failure();
    if (failure && !this.checking()) {
      return {
        state: 'failed',
        message: this.i18n.translate('casePreflight.failed', { detail: errorText(failure, this.i18n) }),
      };
    }
    // An older answer stays on screen while the next one is on its way, so the panel does not flicker.
    if (answered) return { state: 'answered', result: answered.result, at: answered.at };
    return { state: 'checking' };
  });

  constructor() {
    toObservable(this.ask)
      .pipe(
        map((ask) => ('key' in ask ? ask : null)),
        distinctUntilChanged((a, b) => a?.key === b?.key),
        tap((ask) => this.checking.set(ask !== null)),
        debounce(() => timer(this.debounceMs)),
        switchMap((ask) => (ask ? this.fetch(ask.request, ask.key) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  /**
   * The answer for the case as it stands now: the one on screen when it is current, otherwise asked at once; null
   * when the panel cannot ask (no service chosen yet) or the API could not answer, since the check only advises.
   */
  current(): Observable<PreflightResult | null> {
    const ask = this.ask();
    if ('hint' in ask) return of(null);
    const answered = this.answered();
    if (answered && answered.key === ask.key) return of(answered.result);
    return this.fetch(ask.request, ask.key);
  }

  /** Back to the ordinary citizen, for the next case. */
  reset(): void {
    this.form.reset(this.defaults);
  }

  private fetch(request: PreflightRequest, key: string): Observable<PreflightResult | null> {
    return this.api.check(request).pipe(
      tap((result) => {
        this.answered.set({ key, result, at: request.at ?? new Date().toISOString() });
        this.failure.set(null);
        this.checking.set(false);
      }),
      catchError((error: unknown) => {
        this.failure.set(error);
        this.checking.set(false);
        return of(null);
      }),
    );
  }
}
