import { FOLLOW_UP_CODE_ALPHABET } from '@madoguchi/contracts';
import { isFollowUpCode } from '@madoguchi/rules';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { CasesRepository } from './cases.repository';
import { randomFollowUpCode } from './follow-up-code';
import type { RollupsRepository } from '../stats/rollups/rollups.repository';

describe('follow-up codes', () => {
  it('are six characters of the unambiguous alphabet, and differ from one draw to the next', () => {
    const codes = Array.from({ length: 200 }, () => randomFollowUpCode());
    for (const code of codes) expect(isFollowUpCode(code)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every symbol of the alphabet', () => {
    const seen = new Set(Array.from({ length: 400 }, () => randomFollowUpCode()).join(''));
    expect(seen.size).toBe(FOLLOW_UP_CODE_ALPHABET.length);
  });

  it('draw again when a code is already taken', async () => {
    const taken = new Set(['222222']);
    const manager = {
      existsBy: async (_: unknown, where: { followUpCode: string }) => taken.has(where.followUpCode),
    } as unknown as EntityManager;
    let draw = 0;
    // The first six draws give 222222 (taken), the next six 333333.
    const random = () => (draw++ < 6 ? 0 : 1);
    const cases = new CasesRepository({} as DataSource, {} as AuditService, {} as RollupsRepository);
    await expect(cases.unusedFollowUpCode(manager, random)).resolves.toBe('333333');
  });
});
