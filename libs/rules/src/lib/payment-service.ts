import type { PaymentService, ReasonCode } from '@madoguchi/contracts';

/** What the rules need to know of a payment service. */
export type PaymentServiceRules = Pick<PaymentService, 'appliesAtSpot' | 'requiresPreRegistration' | 'requiredItems'>;

/** What the citizen has done for the chosen service before coming. */
export interface PaymentServiceReadiness {
  /** The citizen has everything the service lists as required. */
  itemsReady?: boolean;
  /** The citizen finished the service's own prior registration (e.g. web user registration). */
  registrationDone?: boolean;
}

export type PaymentServiceReason = Extract<
  ReasonCode,
  'service_not_at_spot' | 'service_prereg_required' | 'service_items_missing'
>;

/** Seed: the city's terminal applies only to services listed as 「マイナポイント手続スポットから申込み」. */
export function canApplyAtDesk(service: PaymentServiceRules): boolean {
  return service.appliesAtSpot;
}

/** Seed: steps the service requires beforehand must be done by the citizen alone (「市で支援できません」). */
export function needsOwnPreRegistration(
  service: PaymentServiceRules,
  readiness: PaymentServiceReadiness = {},
): boolean {
  return service.requiresPreRegistration && readiness.registrationDone !== true;
}

/** Items count as missing unless the citizen confirmed them; a service that lists none never misses any. */
export function lacksRequiredItems(service: PaymentServiceRules, readiness: PaymentServiceReadiness = {}): boolean {
  return service.requiredItems.length > 0 && readiness.itemsReady !== true;
}

/** The required items not among those the citizen brought (compared after trimming). */
export function missingServiceItems(service: PaymentServiceRules, brought: readonly string[]): string[] {
  const have = new Set(brought.map((item) => item.trim()));
  return service.requiredItems.filter((item) => !have.has(item.trim()));
}

/** Why the desk cannot complete an application to this service, in the order staff would check. */
export function paymentServiceBlockers(
  service: PaymentServiceRules,
  readiness: PaymentServiceReadiness = {},
): PaymentServiceReason[] {
  // A service the desk cannot apply for at all makes its items and registration beside the point.
  if (!canApplyAtDesk(service)) return ['service_not_at_spot'];
  const reasons: PaymentServiceReason[] = [];
  if (needsOwnPreRegistration(service, readiness)) reasons.push('service_prereg_required');
  if (lacksRequiredItems(service, readiness)) reasons.push('service_items_missing');
  return reasons;
}

/** True when nothing about the service stands in the way of applying at the desk. */
export function deskCanApplyFor(service: PaymentServiceRules, readiness: PaymentServiceReadiness = {}): boolean {
  return paymentServiceBlockers(service, readiness).length === 0;
}
