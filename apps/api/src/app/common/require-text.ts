import { ValidationProblem } from './problems';

/**
 * The text trimmed, or a 422 naming `field` when nothing is left: a blank name passes the DTO's length check.
 * `label` is how the Japanese message names the field (the field's own name when not given).
 */
export function requireText(value: string, field: string, label = `${field} `): string {
  const text = value.trim();
  if (!text) {
    throw new ValidationProblem(
      [{ field, message: { ja: `${label}を入力してください。`, en: `${field} must not be blank.` } }],
      422,
    );
  }
  return text;
}
