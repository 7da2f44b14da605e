import { affectsAfterSystemChange, defaultAffects } from './outage-defaults';

describe('what an outage stops by default', () => {
  it('stops both functions for the MyKey Platform and the terminal, applications only for a payment service', () => {
    expect(defaultAffects('mykey_platform')).toEqual({ reservation: true, application: true });
    expect(defaultAffects('terminal')).toEqual({ reservation: true, application: true });
    expect(defaultAffects('payment_service')).toEqual({ reservation: false, application: true });
  });

  it('follows the system chosen while staff have not changed the checkboxes', () => {
    const both = { reservation: true, application: true };
    expect(affectsAfterSystemChange(both, 'mykey_platform', 'payment_service')).toEqual({
      reservation: false,
      application: true,
    });
    expect(affectsAfterSystemChange({ reservation: false, application: true }, 'payment_service', 'terminal')).toEqual(
      both,
    );
  });

  it('keeps what staff chose by hand when the system changes', () => {
    const reservationOnly = { reservation: true, application: false };
    expect(affectsAfterSystemChange(reservationOnly, 'mykey_platform', 'payment_service')).toBe(reservationOnly);
    expect(affectsAfterSystemChange(reservationOnly, 'payment_service', 'terminal')).toBe(reservationOnly);
  });
});
