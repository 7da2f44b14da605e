import { Writable } from 'node:stream';
import { CaseExports, CLIENT_LEFT } from './case-exports.service';
import { EXPORT_BATCH_SIZE, ExportCase, ExportsRepository } from './exports.repository';

const visit: ExportCase = {
  id: 1,
  siteId: 1,
  staffId: null,
  channel: 'counter',
  procedure: 'both',
  ageBand: null,
  representative: 'self',
  paymentServiceId: null,
  status: 'completed',
  arrivedAt: Date.UTC(2021, 5, 7, 0, 0),
  startedAt: Date.UTC(2021, 5, 7, 0, 5),
  endedAt: Date.UTC(2021, 5, 7, 0, 15),
  completedReservation: true,
  completedApplication: true,
  alreadyReserved: false,
  reason: null,
  note: null,
  previousCaseId: null,
};

/** A desk with more cases than anyone would wait for: counts the pages read and whether the reading was ended. */
function endlessDesk() {
  const reading = { pages: 0, ended: false };
  const reader = {
    lookups: async () => ({ sites: new Map([[1, '市役所']]), staff: new Map(), paymentServices: new Map() }),
    batches: async function* () {
      try {
        for (;;) {
          reading.pages++;
          yield Array.from({ length: EXPORT_BATCH_SIZE }, (_, i) => ({ ...visit, id: reading.pages * 10_000 + i }));
        }
      } finally {
        reading.ended = true;
      }
    },
  };
  return { reading, exports: new CaseExports(reader as unknown as ExportsRepository) };
}

/** A client that takes the first bytes of the download, then closes the connection. */
function leavingClient(afterBytes: number): Writable {
  let received = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done();
      if (received > afterBytes) this.destroy();
    },
  });
}

describe('a download the client leaves', () => {
  it.each(['writeCsv', 'writeXlsx'] as const)('stops reading cases once the client has gone (%s)', async (write) => {
    const { reading, exports } = endlessDesk();

    await expect(exports[write]({}, 'ja', leavingClient(200_000))).rejects.toMatchObject({ code: CLIENT_LEFT });

    expect(reading.ended).toBe(true);
    // Some pages were read before the client left, then no more than the one being written.
    expect(reading.pages).toBeGreaterThan(0);
    expect(reading.pages).toBeLessThan(20);
  });
});
