import fc from 'fast-check';
import {
  canApplyAtDesk,
  deskCanApplyFor,
  missingServiceItems,
  paymentServiceBlockers,
  type PaymentServiceRules,
} from './payment-service';

const atSpot: PaymentServiceRules = { appliesAtSpot: true, requiresPreRegistration: false, requiredItems: [] };

describe('payment service rules', () => {
  it('lets the desk apply to a spot service that needs nothing more', () => {
    expect(canApplyAtDesk(atSpot)).toBe(true);
    expect(paymentServiceBlockers(atSpot)).toEqual([]);
    expect(deskCanApplyFor(atSpot)).toBe(true);
  });

  it('cannot apply to a service not listed as 手続スポットから申込み', () => {
    expect(paymentServiceBlockers({ ...atSpot, appliesAtSpot: false })).toEqual(['service_not_at_spot']);
  });

  it('needs the prior registration done by the citizen', () => {
    const service = { ...atSpot, requiresPreRegistration: true };
    expect(paymentServiceBlockers(service)).toEqual(['service_prereg_required']);
    expect(paymentServiceBlockers(service, { registrationDone: true })).toEqual([]);
  });

  it('needs the listed items confirmed', () => {
    const service = { ...atSpot, requiredItems: ['アプリのログインID'] };
    expect(paymentServiceBlockers(service)).toEqual(['service_items_missing']);
    expect(paymentServiceBlockers(service, { itemsReady: true })).toEqual([]);
  });

  it('lists every reason at once, in the order staff check them', () => {
    const service = { appliesAtSpot: true, requiresPreRegistration: true, requiredItems: ['カード'] };
    expect(paymentServiceBlockers(service)).toEqual(['service_prereg_required', 'service_items_missing']);
  });

  it('names only that the desk cannot apply for a service not applied for at a procedure spot', () => {
    // Bringing its items or registering first would not help: the desk's terminal cannot apply for it at all.
    const service = { appliesAtSpot: false, requiresPreRegistration: true, requiredItems: ['カード'] };
    expect(paymentServiceBlockers(service)).toEqual(['service_not_at_spot']);
  });

  it('tells which required items were not brought', () => {
    const service = { ...atSpot, requiredItems: ['クレジットカード', 'アプリのログインID'] };
    expect(missingServiceItems(service, [' クレジットカード '])).toEqual(['アプリのログインID']);
    expect(missingServiceItems(service, ['クレジットカード', 'アプリのログインID'])).toEqual([]);
  });

  it('can apply exactly when spot-listed, registered if needed and items ready if any', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (appliesAtSpot, requiresPreRegistration, requiredItems, itemsReady, registrationDone) => {
          const service = { appliesAtSpot, requiresPreRegistration, requiredItems };
          const expected =
            appliesAtSpot &&
            (!requiresPreRegistration || registrationDone) &&
            (requiredItems.length === 0 || itemsReady);
          expect(deskCanApplyFor(service, { itemsReady, registrationDone })).toBe(expected);
        },
      ),
    );
  });
});
