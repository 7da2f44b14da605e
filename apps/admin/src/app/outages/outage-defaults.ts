import type { OutageSystem, PlatformFunction } from '@madoguchi/contracts';

/**
 * What an outage of each system stops, unless staff say otherwise: the MyKey Platform's maintenance and the desk's
 * own terminal stop reservations and applications alike (the announced window of 2020-07-23 stopped both), while a
 * payment service being down stops only applications to that service.
 */
const DEFAULT_AFFECTS: Readonly<Record<OutageSystem, readonly PlatformFunction[]>> = {
  mykey_platform: ['reservation', 'application'],
  terminal: ['reservation', 'application'],
  payment_service: ['application'],
};

export type AffectsChoice = Readonly<Record<PlatformFunction, boolean>>;

/** The functions an outage of `system` stops by default, as the form's checkboxes. */
export function defaultAffects(system: OutageSystem): AffectsChoice {
  const stopped = DEFAULT_AFFECTS[system];
  return { reservation: stopped.includes('reservation'), application: stopped.includes('application') };
}

/**
 * The checkboxes after the system changed from `before` to `after`: they follow the new system's defaults while
 * they still show the old one's, and stay as they are once staff have chosen otherwise.
 */
export function affectsAfterSystemChange(
  current: AffectsChoice,
  before: OutageSystem,
  after: OutageSystem,
): AffectsChoice {
  const previous = defaultAffects(before);
  const untouched = current.reservation === previous.reservation && current.application === previous.application;
  return untouched ? defaultAffects(after) : current;
}
