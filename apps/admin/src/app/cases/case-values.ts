import {
  AGE_BAND_LABELS,
  type AgeBand,
  API_TOKEN_SCOPE_LABELS,
  type ApiTokenScope,
  CASE_STATUS_LABELS,
  type CaseStatus,
  CHANNEL_LABELS,
  type Channel,
  OUTAGE_KIND_LABELS,
  OUTAGE_SYSTEM_LABELS,
  type OutageKind,
  type OutageSystem,
  type Role,
  ROLE_LABELS,
  type PaymentService,
  PAYMENT_SERVICE_KIND_LABELS,
  type PaymentServiceKind,
  PLATFORM_FUNCTION_LABELS,
  type PlatformFunction,
  PROCEDURE_LABELS,
  type Procedure,
  REASONS,
  type ReasonCode,
  REPRESENTATIVE_LABELS,
  type Representative,
  type Site,
} from '@madoguchi/contracts';
import { formatTokyoDateTime, type I18n, type TranslationKey } from '../core/i18n';

/** Names behind the ids a case holds. */
export interface CaseValueContext {
  services: readonly Pick<PaymentService, 'id' | 'name'>[];
  sites: readonly Pick<Site, 'id' | 'name'>[];
}

/** A field's name as the screens say it; a field no screen names is shown as the API names it. */
export function caseFieldLabel(field: string, i18n: I18n): string {
  const key = `finish.fields.${field}` as TranslationKey;
  const text = i18n.translate(key);
  return text === key ? field : text;
}

/** A field of a case as staff read it: labels instead of codes, Tokyo times, service names instead of ids. */
export function caseValueText(
  field: string,
  value: unknown,
  i18n: I18n,
  context: Partial<CaseValueContext> = {},
): string {
  const none = i18n.translate('common.none');
  if (value === null || value === undefined || value === '') return none;
  switch (field) {
    case 'status':
      return i18n.label(CASE_STATUS_LABELS[value as CaseStatus]) || String(value);
    case 'procedure':
      return i18n.label(PROCEDURE_LABELS[value as Procedure]) || String(value);
    case 'channel':
      return i18n.label(CHANNEL_LABELS[value as Channel]) || String(value);
    case 'ageBand':
      return i18n.label(AGE_BAND_LABELS[value as AgeBand]) || String(value);
    case 'representative':
      return i18n.label(REPRESENTATIVE_LABELS[value as Representative]) || String(value);
    case 'reason':
      return i18n.label(REASONS[value as ReasonCode]) || String(value);
    case 'role':
      return i18n.label(ROLE_LABELS[value as Role]) || String(value);
    case 'system':
      return i18n.label(OUTAGE_SYSTEM_LABELS[value as OutageSystem]) || String(value);
    case 'kind':
      // Outage kinds and payment service kinds share the field name; whichever list knows the value names it.
      return (
        i18n.label(
          OUTAGE_KIND_LABELS[value as OutageKind] ?? PAYMENT_SERVICE_KIND_LABELS[value as PaymentServiceKind],
        ) || String(value)
      );
    case 'paymentServiceId':
      return context.services?.find((s) => s.id === value)?.name ?? `#${String(value)}`;
    case 'siteId':
      return context.sites?.find((s) => s.id === value)?.name ?? `#${String(value)}`;
    case 'previousCaseId':
      return `#${String(value)}`;
    case 'scopes':
      return Array.isArray(value) && value.length
        ? value.map((scope) => i18n.label(API_TOKEN_SCOPE_LABELS[scope as ApiTokenScope]) || String(scope)).join('・')
        : none;
    case 'completed':
    case 'affects':
      return Array.isArray(value) && value.length
        ? value.map((step) => i18n.label(PLATFORM_FUNCTION_LABELS[step as PlatformFunction]) || String(step)).join('・')
        : none;
    case 'arrivedAt':
    case 'startedAt':
    case 'endedAt':
    case 'certRenewedAt':
    case 'startsAt':
    case 'endsAt':
    case 'createdAt':
    case 'updatedAt':
    case 'expiresAt':
    case 'revokedAt':
    case 'lastUsedAt':
      return typeof value === 'string' ? formatTokyoDateTime(value, i18n.lang()) || value : String(value);
    default:
      if (typeof value === 'boolean') return i18n.translate(value ? 'catalog.yes' : 'catalog.no');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}
