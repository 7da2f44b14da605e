import { FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_LENGTH } from '@madoguchi/contracts';
import { randomInt } from 'node:crypto';

/** A fresh code from the crypto RNG: guessing one of ~10⁹ codes is what keeps a stranger from finding a case. */
export function randomFollowUpCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < FOLLOW_UP_CODE_LENGTH; i++)
    code += FOLLOW_UP_CODE_ALPHABET[random(FOLLOW_UP_CODE_ALPHABET.length)];
  return code;
}
