import { AGE_BANDS } from '@madoguchi/contracts';
import { ageBandFor, isUnderProxyAgeLimit } from '@madoguchi/rules';
import { applicableFields, type CaseFormValue, caseFacts, caseRequest } from './case-form.fields';
import { AGE_BAND_FLOOR } from './case-preflight';

const base: CaseFormValue = {
  channel: 'counter',
  procedure: 'both',
  ageBand: null,
  representative: 'self',
  paymentServiceId: 3,
  status: 'completed',
  arrivedAt: '2020-11-24T08:30',
  startedAt: '2020-11-24T08:40',
  endedAt: '2020-11-24T09:00',
  completed: { reservation: true, application: true },
  alreadyReserved: false,
  reason: 'pin_locked',
  note: '  ',
};

describe('the case form and the shared rules', () => {
  it('checks a holder by the age band exactly as by the age, since every band lies on one side of 15', () => {
    for (const band of AGE_BANDS) {
      expect(ageBandFor(AGE_BAND_FLOOR[band])).toBe(band);
      expect(isUnderProxyAgeLimit(AGE_BAND_FLOOR[band])).toBe(band === 'under15');
    }
  });

  it('offers only the application as a completed step when the citizen already had a MyKey ID', () => {
    expect(applicableFields('completed', 'both').steps).toEqual(['reservation', 'application']);
    expect(applicableFields('completed', 'both', true).steps).toEqual(['application']);
    expect(applicableFields('completed', 'reservation', true).steps).toEqual(['reservation']);
    expect(applicableFields('waiting', 'both').steps).toEqual([]);
  });

  it('sends what is on screen only, as UTC instants, and hands the rules the same facts', () => {
    const request = caseRequest({ ...base, alreadyReserved: true });

    expect(request).toMatchObject({
      arrivedAt: '2020-11-23T23:30:00Z',
      completed: ['application'],
      alreadyReserved: true,
      reason: null,
      note: null,
    });
    expect(caseFacts(request)).toMatchObject({ status: 'completed', completed: ['application'], reason: null });
    expect(caseFacts(caseRequest({ ...base, procedure: null }))).toBeNull();
  });
});
