import type { StatsPeriodSummary } from '@madoguchi/contracts';
import { funnelSteps } from './funnel';

describe('the reservation → application funnel', () => {
  it('counts a visit for both steps in each step and adds the return visits', () => {
    const summary = { returned: { followUps: 7, succeeded: 5 } } as StatsPeriodSummary;
    const steps = funnelSteps(summary, {
      reservation: { total: 10, completed: 8 },
      application: { total: 20, completed: 15 },
      both: { total: 4, completed: 3 },
    });
    expect(steps).toEqual([
      { key: 'reservation', attempted: 14, completed: 11 },
      { key: 'application', attempted: 24, completed: 18 },
      { key: 'followUps', attempted: 7, completed: 5 },
    ]);
  });
});
