import type { Labelled } from './code-lists';

export interface GlossaryTerm extends Labelled {
  /** What the term means at the desk, for docs/glossary.md. */
  readonly meaning: Labelled;
  /** Other names once used for the same thing: no screen, CSV or doc may use them. */
  readonly dropped: readonly string[];
}

/** One name per thing, in Japanese and English, for every screen, the CSV export and the docs. */
export const GLOSSARY = {
  case: {
    ja: 'ケース',
    en: 'Case',
    meaning: {
      ja: '窓口での1回の来庁(または電話・窓口での問い合わせ)の記録。受付から終了まで。',
      en: 'The record of one visit to the desk (or one phone or counter inquiry), from reception to its end.',
    },
    dropped: [],
  },
  arrivedAt: {
    ja: '受付日時',
    en: 'Arrived at',
    meaning: {
      ja: '市民を窓口で受け付けた日時(日本時間)。',
      en: 'When the citizen was received at the desk (Japan time).',
    },
    dropped: ['来庁日時'],
  },
  startedAt: {
    ja: '対応開始日時',
    en: 'Service started at',
    meaning: { ja: '職員が対応を始めた日時。', en: 'When a member of staff started serving the citizen.' },
    dropped: [],
  },
  endedAt: {
    ja: '終了日時',
    en: 'Ended at',
    meaning: {
      ja: '対応が終わった日時、または対応前に退出した日時。',
      en: 'When service ended, or when the citizen left before being served.',
    },
    dropped: [],
  },
  status: {
    ja: '状況',
    en: 'Status',
    meaning: {
      ja: 'ケースの段階: 受付待ち、対応中、完了、未完了、離席(対応前に退出)。',
      en: 'Where a case stands: waiting, in service, completed, not completed, or left before being served.',
    },
    dropped: ['状態', 'ステータス'],
  },
  reason: {
    ja: '未完了の理由',
    en: 'Reason not completed',
    meaning: {
      ja: '未完了で終わったケースの理由(決まったコード一覧から選ぶ)。',
      en: 'Why a case ended not completed, chosen from a fixed code list.',
    },
    dropped: [],
  },
  note: {
    ja: 'メモ',
    en: 'Note',
    meaning: {
      ja: '職員が書く自由記述。マイナンバーと暗証番号は書けません。',
      en: 'Free text written by staff; a My Number or a PIN is refused.',
    },
    dropped: ['備考'],
  },
  representative: {
    ja: '来庁者',
    en: 'Who came',
    meaning: {
      ja: '窓口に来た人: カードを持つ本人、または(15歳未満の本人の)法定代理人。',
      en: 'Who came to the desk: the card holder, or the legal representative of a holder under 15.',
    },
    dropped: ['手続者'],
  },
  returnSlip: {
    ja: '返却票',
    en: 'Return slip',
    meaning: {
      ja: '未完了のときに市民に渡す票。理由、行き先、次回お越しいただける日時、再来庁コードを書く。',
      en: 'The slip a citizen takes home when a case ends not completed: why, where to go, when to come back, and the follow-up code.',
    },
    dropped: ['再来庁票'],
  },
  followUpCode: {
    ja: '再来庁コード',
    en: 'Follow-up code',
    meaning: {
      ja: '返却票に印刷される6文字のコード。次の来庁を前回のケースにつなぐ。',
      en: 'The 6-character code printed on the return slip; it links the next visit to the earlier case.',
    },
    dropped: [],
  },
  returnVisit: {
    ja: '再来庁',
    en: 'Return visit',
    meaning: {
      ja: '再来庁コードで前回のケースにつながる来庁。',
      en: 'A visit linked to an earlier case by its follow-up code.',
    },
    dropped: [],
  },
  outage: {
    ja: '障害・停止',
    en: 'Outage',
    meaning: {
      ja: 'マイキープラットフォーム、窓口の端末、または決済サービスが止まっていた期間。',
      en: 'A period during which the MyKey Platform, the desk’s terminal or a payment service was down.',
    },
    dropped: [],
  },
} as const satisfies Readonly<Record<string, GlossaryTerm>>;

export type GlossaryKey = keyof typeof GLOSSARY;
