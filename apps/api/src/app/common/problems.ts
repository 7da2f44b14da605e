import type { Labelled, ProblemType } from '@madoguchi/contracts';

export interface FieldProblem {
  field: string;
  message: Labelled;
}

/** A domain error that maps to one RFC 9457 problem; messages in Japanese and English, picked per request. */
export class DomainProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly title: string,
    readonly detailText: Labelled,
    readonly fieldProblems: FieldProblem[] = [],
    /** RFC 9457 extension members added to the body, e.g. `current` on a stale version. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detailText.en);
  }
}

export class ValidationProblem extends DomainProblem {
  constructor(fieldProblems: FieldProblem[], status = 400) {
    const fields = [...new Set(fieldProblems.map((p) => p.field))].join(', ');
    super(
      status,
      'validation',
      'Invalid request',
      {
        ja: `入力内容を確認してください(${fields}): ${fieldProblems.map((p) => p.message.ja).join(' ')}`,
        en: `Check these fields (${fields}): ${fieldProblems.map((p) => p.message.en).join(' ')}`,
      },
      fieldProblems,
    );
  }
}

export class NotFoundProblem extends DomainProblem {
  constructor(what: Labelled) {
    super(404, 'not-found', 'Not found', { ja: `${what.ja}が見つかりません。`, en: `${what.en} was not found.` });
  }
}

export class PersonalDataProblem extends DomainProblem {
  constructor(field: string) {
    super(
      422,
      'personal-data',
      'Personal data refused',
      {
        ja: 'マイナンバー(個人番号)と思われる12桁の番号が含まれているため保存しませんでした。番号を削除してください。',
        en: 'Not saved: the text contains what looks like a My Number (12 digits with a valid check digit). Remove it.',
      },
      [
        {
          field,
          message: {
            ja: 'マイナンバーは記録できません。番号を削除してください。',
            en: 'A My Number must not be recorded; remove the number.',
          },
        },
      ],
    );
  }
}

/** 403 for a record the role may reach in general but not this one (a row-level rule). */
export class ForbiddenProblem extends DomainProblem {
  constructor(detail: Labelled) {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

/** 409: the change contradicts what is stored (a duplicate name, a case in the wrong state for the action). */
export class ConflictProblem extends DomainProblem {
  constructor(detail: Labelled, fieldProblems: FieldProblem[] = []) {
    super(409, 'conflict', 'Conflict', detail, fieldProblems);
  }
}

export class InvalidTransitionProblem extends DomainProblem {
  constructor(detail: Labelled) {
    super(409, 'invalid-transition', 'Invalid transition', detail);
  }
}

/** 409 with the record as it is now, so that the screen can show what someone else changed. */
export class StaleVersionProblem<T> extends DomainProblem {
  constructor(what: Labelled, sent: number, current: T & { version: number }) {
    super(
      409,
      'stale-version',
      'Stale version',
      {
        ja: `${what.ja}は他の操作で更新されています(表示中の版 ${sent}、現在の版 ${current.version})。最新の内容を確認してからもう一度保存してください。`,
        en: `${what.en} was changed meanwhile (you had version ${sent}, it is now ${current.version}). Check the current values and save again.`,
      },
      [],
      { current },
    );
  }
}

/** 409 that the same request answers differently once the client sends `confirm: true`. */
export class ConfirmationRequiredProblem extends DomainProblem {
  constructor(detail: Labelled) {
    super(409, 'confirmation-required', 'Confirmation required', detail);
  }
}
