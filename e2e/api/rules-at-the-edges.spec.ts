import type { DeskDay, PreflightResult } from '@madoguchi/rules';
import type { ProblemDetails, ReturnSlip, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { created, inService, pastNotCompleted, readyReservation } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

describe('the rules at the edges', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let citizen: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    citizen = new ApiClient(server.baseUrl);
  });
  afterAll(() => server.stop());

  describe('the return slip of a case held up by the 24-hour wait', () => {
    // Seed: 「市民課で手続きされた日時から24時間経過後」. Renewed Fri 13 Nov 2020 09:00, visit 12:00–12:30.
    const heldUp = pastNotCompleted({
      arrivedAt: '2020-11-13T11:50:00+09:00',
      startedAt: '2020-11-13T12:00:00+09:00',
      endedAt: '2020-11-13T12:30:00+09:00',
      reason: 'cert_wait_24h',
      certRenewedAt: '2020-11-13T09:00:00+09:00',
    });

    it('counts from the renewal staff recorded: Saturday 9:00, an open 2nd Saturday', async () => {
      const failed = await created(staff, heldUp);
      expect(failed.certRenewedAt).toBe('2020-11-13T00:00:00.000Z');
      const slip = (await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`)).body;
      expect(slip.earliestReturnAt).toBe('2020-11-14T00:00:00.000Z');
      expect(slip.comeBack.ja).toBe('2020年11月14日(土) 9:00以降の受付時間内にお越しください。');
      expect(slip.certRenewedAt).toBe('2020-11-13T00:00:00.000Z');
    });

    it('rolls a wait that ends on a closed day to the next opening', async () => {
      // Renewed Fri 20 Nov 10:00: Saturday 21 is a 3rd Saturday, Monday 23 a holiday, so Tuesday 24 at 8:30.
      const failed = await created(staff, {
        ...heldUp,
        arrivedAt: '2020-11-20T10:20:00+09:00',
        startedAt: '2020-11-20T10:30:00+09:00',
        endedAt: '2020-11-20T10:40:00+09:00',
        certRenewedAt: '2020-11-20T10:00:00+09:00',
      });
      const slip = (await staff.get<ReturnSlip>(`/api/cases/${failed.id}/slip`)).body;
      expect(slip.earliestReturnAt).toBe('2020-11-23T23:30:00.000Z');
      expect(slip.advice[0]?.ja).toContain('窓口では2020年11月24日(火) 8:30以降にお手続きいただけます。');
    });

    it('records the renewal when staff finish the case, and refuses one after the visit or for another reason', async () => {
      const serving = await inService(staff);
      const later = new Date(Date.now() + 60 * 60_000).toISOString();
      const future = await staff.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, {
        outcome: 'not_completed',
        reason: 'cert_wait_24h',
        certRenewedAt: later,
      });
      expect(future.status).toBe(422);
      expect(future.body.errors?.map((e) => e.field)).toEqual(['certRenewedAt']);
      const otherReason = await staff.post<ProblemDetails>(`/api/cases/${serving.id}/finish`, {
        outcome: 'not_completed',
        reason: 'pin_locked',
        certRenewedAt: serving.startedAt,
      });
      expect(otherReason.status).toBe(422);

      const renewedAt = new Date(Date.parse(serving.startedAt as string) - 30 * 60_000).toISOString();
      const finished = await staff.post<SupportCase>(`/api/cases/${serving.id}/finish`, {
        outcome: 'not_completed',
        reason: 'cert_wait_24h',
        certRenewedAt: renewedAt,
      });
      expect(finished.status).toBe(200);
      expect(finished.body.certRenewedAt).toBe(renewedAt);
    });

    it('drops the renewal when a correction changes the reason', async () => {
      const failed = await created(staff, heldUp);
      const corrected = await staff.request<SupportCase>('PATCH', `/api/cases/${failed.id}`, {
        version: failed.version,
        reason: 'pin_locked',
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.certRenewedAt).toBeNull();
    });
  });

  describe('support windows per procedure', () => {
    it('supports a reservation in June 2020, when the seed says reservations were already taken', async () => {
      const answer = await citizen.post<PreflightResult>('/api/preflight', {
        ...readyReservation,
        at: '2020-06-15T10:00:00+09:00',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.canProceedNow).toBe(true);
      const june = await citizen.get<DeskDay[]>('/api/calendar?from=2020-06-15&to=2020-06-15');
      expect(june.body[0]).toMatchObject({ open: true, hours: [{ from: '08:30', to: '17:00' }] });
    });

    it('starts application support on 2020-07-01 and says so', async () => {
      const answer = await citizen.post<PreflightResult>('/api/preflight', {
        ...readyReservation,
        procedure: 'application',
        alreadyReserved: true,
        at: '2020-06-15T10:00:00+09:00',
      });
      expect(answer.body.canProceedNow).toBe(false);
      expect(answer.body.blockers[0]?.message.ja).toContain('窓口での申込みの支援は2020年7月1日(水)からです。');
      expect(answer.body.earliestAt).toBe('2020-06-30T23:30:00.000Z');
    });

    it('follows the windows of the settings', async () => {
      const narrow = await startApi({ RESERVATION_SUPPORT_FROM: '2020-07-01' });
      try {
        const anyone = new ApiClient(narrow.baseUrl);
        const answer = await anyone.post<PreflightResult>('/api/preflight', {
          ...readyReservation,
          at: '2020-06-15T10:00:00+09:00',
        });
        expect(answer.body.canProceedNow).toBe(false);
        expect(answer.body.earliestAt).toBe('2020-06-30T23:30:00.000Z');
        const june = await anyone.get<DeskDay[]>('/api/calendar?from=2020-06-15&to=2020-06-15');
        expect(june.body[0]?.closedReason).toBe('outside_programme');
      } finally {
        await narrow.stop();
      }
    });
  });

  it('names only open hours in a blocker: the real maintenance of 2020-07-23 resumes at 0:30 on a holiday', async () => {
    const admin = await ApiClient.signIn(server.baseUrl, 'admin');
    const outage = await admin.post('/api/outages', {
      system: 'mykey_platform',
      kind: 'planned',
      startsAt: '2020-07-23T07:00:00+09:00',
      endsAt: '2020-07-24T00:30:00+09:00',
      affects: ['reservation'],
    });
    expect(outage.status).toBe(201);
    const answer = await citizen.post<PreflightResult>('/api/preflight', {
      ...readyReservation,
      at: '2020-07-23T10:00:00+09:00',
    });
    const maintenance = answer.body.blockers.find((b) => b.code === 'platform_maintenance');
    expect(maintenance?.message.ja).toContain('再開後、窓口では2020年7月25日(土) 8:30からお手続きいただけます。');
    expect(maintenance?.message.ja).not.toContain('0:30');
  });
});
