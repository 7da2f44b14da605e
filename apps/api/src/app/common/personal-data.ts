import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { containsMyNumber } from '@madoguchi/rules';
import { PersonalDataProblem } from './problems';

/** Refuses free text that carries a My Number: the desk must never store one. */
export function guardFreeText(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value && containsMyNumber(value)) throw new PersonalDataProblem(field);
  }
}

/** Every string in a value, with the path that names its field (`note`, `requiredItems.2`). */
function* stringsIn(value: unknown, path: string, depth = 0): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (depth < 16 && value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) yield* stringsIn(child, path ? `${path}.${key}` : key, depth + 1);
  }
}

/**
 * Global: looks at every string of every request body, query and path parameter, so that no route, present or
 * future, can take a My Number in, whichever field it arrives in and however it is spelled.
 */
@Injectable()
export class PersonalDataPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    for (const [field, text] of stringsIn(value, metadata.type === 'body' ? '' : (metadata.data ?? ''))) {
      if (containsMyNumber(text)) throw new PersonalDataProblem(field || metadata.type);
    }
    return value;
  }
}
