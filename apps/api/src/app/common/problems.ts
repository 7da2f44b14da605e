import type { Labelled } from '@madoguchi/contracts';

export interface FieldProblem {
  field: string;
  message: Labelled;
}

/** A domain error that maps to one RFC 9457 problem; messages in Japanese and English, picked per request. */
export class DomainProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detailText: Labelled,
    readonly fieldProblems: FieldProblem[] = [],
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
