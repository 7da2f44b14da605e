import { AGE_BANDS, type AgeBand, type CaseFilter, type Channel, CHANNELS } from '@madoguchi/contracts';

/** The filter bar's fields: the URL, the statistics API and the case list all use these names. */
export const FILTER_FIELDS = ['siteId', 'staff', 'paymentServiceId', 'channel', 'ageBand'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The raw query params, as `withComponentInputBinding()` hands them over. */
export type FilterParams = Partial<Record<FilterField, string | null | undefined>>;

/** A well-formed filter from URL params; anything malformed is left out rather than sent to the API to be refused. */
export function filterFromParams(params: FilterParams): CaseFilter {
  const filter: CaseFilter = {};
  const siteId = positiveId(params.siteId);
  if (siteId !== null) filter.siteId = siteId;
  const staff = params.staff?.trim();
  if (staff) filter.staff = staff;
  const paymentServiceId = positiveId(params.paymentServiceId);
  if (paymentServiceId !== null) filter.paymentServiceId = paymentServiceId;
  if (CHANNELS.includes(params.channel as Channel)) filter.channel = params.channel as Channel;
  if (AGE_BANDS.includes(params.ageBand as AgeBand)) filter.ageBand = params.ageBand as AgeBand;
  return filter;
}

/** The filter as query params; every field is present, unset ones as null, so that a router merge clears them. */
export function filterQueryParams(filter: CaseFilter): Record<FilterField, string | null> {
  return {
    siteId: filter.siteId === undefined ? null : String(filter.siteId),
    staff: filter.staff ?? null,
    paymentServiceId: filter.paymentServiceId === undefined ? null : String(filter.paymentServiceId),
    channel: filter.channel ?? null,
    ageBand: filter.ageBand ?? null,
  };
}

/** How many fields of the filter are set, for the "clear" button and the screen reader's summary. */
export function filterSize(filter: CaseFilter): number {
  return FILTER_FIELDS.filter((field) => filter[field] !== undefined).length;
}

function positiveId(value: string | null | undefined): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
