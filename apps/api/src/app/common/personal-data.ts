import { containsMyNumber } from '@madoguchi/rules';
import { PersonalDataProblem } from './problems';

/** Refuses free text that carries a My Number: the desk must never store one. */
export function guardFreeText(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value && containsMyNumber(value)) throw new PersonalDataProblem(field);
  }
}
