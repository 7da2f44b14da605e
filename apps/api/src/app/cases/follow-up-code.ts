import { FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_LENGTH } from '@madoguchi/contracts';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SupportCaseEntity } from './support-case.entity';

/** A fresh code from the crypto RNG: guessing one of ~10⁹ codes is what keeps a stranger from finding a case. */
export function randomFollowUpCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < FOLLOW_UP_CODE_LENGTH; i++)
    code += FOLLOW_UP_CODE_ALPHABET[random(FOLLOW_UP_CODE_ALPHABET.length)];
  return code;
}

const ATTEMPTS = 8;

/** A code no case holds yet; checked inside the caller's transaction, and the unique index backs it up. */
export async function unusedFollowUpCode(
  manager: EntityManager,
  random: (max: number) => number = randomInt,
): Promise<string> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const code = randomFollowUpCode(random);
    if (!(await manager.existsBy(SupportCaseEntity, { followUpCode: code }))) return code;
  }
  throw new Error(`No unused follow-up code after ${ATTEMPTS} draws: the code space is nearly full`);
}
