import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { Labelled } from '@madoguchi/contracts';
import { FieldProblem, ValidationProblem } from './problems';

type Template = (field: string, args: string) => Labelled;

// class-validator's constraint names, worded for people at the counter.
const TEMPLATES: Record<string, Template> = {
  whitelistValidation: (f) => ({ ja: `${f} という項目はありません。`, en: `${f} is not a known field.` }),
  isIn: (f, a) => ({ ja: `${f} は次のいずれかです: ${a}。`, en: `${f} must be one of: ${a}.` }),
  isInt: (f) => ({ ja: `${f} は整数で指定してください。`, en: `${f} must be a whole number.` }),
  min: (f, a) => ({ ja: `${f} は ${a} 以上です。`, en: `${f} must be at least ${a}.` }),
  max: (f, a) => ({ ja: `${f} は ${a} 以下です。`, en: `${f} must be at most ${a}.` }),
  isBoolean: (f) => ({ ja: `${f} は true か false です。`, en: `${f} must be true or false.` }),
  isString: (f) => ({ ja: `${f} は文字列です。`, en: `${f} must be text.` }),
  isNotEmpty: (f) => ({ ja: `${f} を入力してください。`, en: `${f} must not be empty.` }),
  isDefined: (f) => ({ ja: `${f} は必須です。`, en: `${f} is required.` }),
  maxLength: (f, a) => ({ ja: `${f} は ${a} 文字以内です。`, en: `${f} must be at most ${a} characters.` }),
  isTokyoDate: (f) => ({
    ja: `${f} は 2000年から2100年までの YYYY-MM-DD 形式の日付です(例: 2020-11-24)。`,
    en: `${f} must be a date as YYYY-MM-DD between 2000 and 2100 (e.g. 2020-11-24).`,
  }),
  isInstant: (f) => ({
    ja: `${f} は時差(+09:00 または Z)付きの ISO 8601 の日時で、2000年から2100年までです(例: 2020-11-24T08:30:00+09:00)。`,
    en: `${f} must be an ISO 8601 instant with its UTC offset (+09:00 or Z), between 2000 and 2100 (e.g. 2020-11-24T08:30:00+09:00).`,
  }),
  isArray: (f) => ({ ja: `${f} は配列です。`, en: `${f} must be a list.` }),
  arrayUnique: (f) => ({ ja: `${f} に重複があります。`, en: `${f} must not repeat a value.` }),
  arrayNotEmpty: (f) => ({ ja: `${f} を1つ以上選んでください。`, en: `${f} needs at least one value.` }),
  arrayMaxSize: (f, a) => ({ ja: `${f} は ${a} 件までです。`, en: `${f} may hold at most ${a} values.` }),
  minLength: (f, a) => ({ ja: `${f} は ${a} 文字以上です。`, en: `${f} must be at least ${a} characters.` }),
  matches: (f) => ({ ja: `${f} に使えない文字が含まれています。`, en: `${f} has characters it does not allow.` }),
};

function constraintArgument(error: ValidationError, name: string): string {
  const context = error.contexts?.[name] as { args?: unknown } | undefined;
  if (context?.args !== undefined) return String(context.args);
  const message = error.constraints?.[name] ?? '';
  const match = /: (.*)$/.exec(message);
  // Length and size messages carry their bound as the only number ("shorter than or equal to 1000 characters").
  return match?.[1] ?? /\d+/.exec(message)?.[0] ?? '';
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((name) => {
      const template = TEMPLATES[name];
      const fallback = error.constraints?.[name] ?? name;
      return {
        field,
        message: template ? template(field, constraintArgument(error, name)) : { ja: fallback, en: fallback },
      };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The one validation pipe: unknown fields are refused, and every error names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flatten(errors)),
  });
}
