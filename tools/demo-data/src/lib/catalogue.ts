import type { OutageKind, OutageSystem, PaymentServiceKind, PlatformFunction, Role } from '@madoguchi/contracts';

export interface DemoSite {
  code: string;
  name: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
}

export interface DemoPaymentService {
  name: string;
  kind: PaymentServiceKind;
  appliesAtSpot: boolean;
  requiresPreRegistration: boolean;
  requiredItems: string[];
}

export interface DemoOutage {
  system: OutageSystem;
  paymentServiceName: string | null;
  kind: OutageKind;
  startsAt: string;
  endsAt: string | null;
  affects: PlatformFunction[];
  note: string;
}

export interface DemoCatalogue {
  sites: DemoSite[];
  accounts: DemoAccount[];
  paymentServices: DemoPaymentService[];
  outages: DemoOutage[];
}

/** The seed's desk: 「茅ヶ崎市役所本庁舎 情報推進課職員が対応いたします」. */
export const MAIN_SITE: DemoSite = { code: 'chigasaki-honcho', name: '茅ヶ崎市役所 本庁舎 情報推進課' };

/** A fictional overflow counter opened only for the autumn 2020 rush, so that per-site statistics have two rows. */
export const ANNEX_SITE: DemoSite = { code: 'chigasaki-bunchosha', name: '茅ヶ崎市役所 分庁舎 臨時手続支援窓口' };

/** The days (Tokyo) the annex counter took citizens. */
export const ANNEX_PERIOD = { from: '2020-08-24', to: '2020-10-30' } as const;

interface StaffProfile extends DemoAccount {
  /** How often the person is at work on a desk day: part-timers and helpers make the workload chart uneven. */
  presence: number;
  /** Who is put on the counter first when fewer counters are open than people present. */
  priority: number;
}

/** Staff first in the order they are put on the counter; `staff` is the demo login for the counter screen. */
export const STAFF_PROFILES: readonly StaffProfile[] = [
  { username: 'staff', displayName: '窓口 花子', role: 'staff', presence: 0.95, priority: 5 },
  { username: 'staff02', displayName: '茅野 健太', role: 'staff', presence: 0.9, priority: 4 },
  { username: 'staff03', displayName: '浜田 美咲', role: 'staff', presence: 0.88, priority: 4 },
  { username: 'staff04', displayName: '海老原 大輔', role: 'staff', presence: 0.8, priority: 3 },
  { username: 'staff05', displayName: '松尾 由美', role: 'staff', presence: 0.6, priority: 2 },
  { username: 'staff06', displayName: '小出 拓也', role: 'staff', presence: 0.5, priority: 1.5 },
  { username: 'staff07', displayName: '鶴田 さくら', role: 'staff', presence: 0.35, priority: 1 },
];

const OFFICE_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'manager', displayName: '高橋 誠', role: 'manager' },
  { username: 'admin', displayName: '佐藤 健一', role: 'admin' },
];

interface PaymentServiceProfile extends DemoPaymentService {
  /** Relative share of the citizens who choose it; QR code services dominated the programme. */
  popularity: number;
}

/** Fictional services shaped like the real market: several must be applied for in their own app, not at a spot. */
export const PAYMENT_SERVICE_PROFILES: readonly PaymentServiceProfile[] = [
  {
    name: 'ことりペイ',
    kind: 'qr_code',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['スマートフォン(決済アプリ)', '決済アプリのログインID・パスワード'],
    popularity: 22,
  },
  {
    name: 'みなとPay',
    kind: 'qr_code',
    appliesAtSpot: false,
    requiresPreRegistration: true,
    requiredItems: ['スマートフォン(決済アプリ)', '決済サービスのID・パスワード'],
    popularity: 14,
  },
  {
    name: 'さくら払い',
    kind: 'qr_code',
    appliesAtSpot: true,
    requiresPreRegistration: true,
    requiredItems: [
      'スマートフォン(決済アプリ)',
      '決済サービスのID・パスワード',
      '登録済みの電話番号でSMSを受信できる携帯電話',
    ],
    popularity: 12,
  },
  {
    name: 'つばめQR',
    kind: 'qr_code',
    appliesAtSpot: false,
    requiresPreRegistration: false,
    requiredItems: ['スマートフォン(決済アプリ)'],
    popularity: 6,
  },
  {
    name: 'しおかぜマネー',
    kind: 'electronic_money',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['電子マネーカード(カード番号が確認できるもの)'],
    popularity: 13,
  },
  {
    name: 'なぎさIC',
    kind: 'electronic_money',
    appliesAtSpot: true,
    requiresPreRegistration: true,
    requiredItems: ['電子マネーカード', '会員サイトのID・パスワード'],
    popularity: 8,
  },
  {
    name: 'えぼしカード',
    kind: 'credit_card',
    appliesAtSpot: true,
    requiresPreRegistration: true,
    requiredItems: ['クレジットカード', '会員サイトのID・パスワード'],
    popularity: 7,
  },
  {
    name: 'やまゆりクレジット',
    kind: 'credit_card',
    appliesAtSpot: false,
    requiresPreRegistration: true,
    requiredItems: ['クレジットカード', '会員サイトのID・パスワード', 'メールアドレス'],
    popularity: 5,
  },
  {
    name: 'あおばデビット',
    kind: 'debit_card',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['デビットカード', '口座名義が確認できるもの'],
    popularity: 3,
  },
  {
    name: 'こもれびプリペイド',
    kind: 'prepaid',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['プリペイドカード(カード番号が記載されたもの)'],
    popularity: 4,
  },
  {
    name: 'はまかぜコイン',
    kind: 'prepaid',
    appliesAtSpot: false,
    requiresPreRegistration: true,
    requiredItems: ['スマートフォン(決済アプリ)', '決済サービスのID・パスワード'],
    popularity: 3,
  },
  {
    name: 'いちょうWallet',
    kind: 'electronic_money',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['スマートフォン(おサイフ機能付き)', '決済アプリのログインID・パスワード'],
    popularity: 5,
  },
];

/** Outages as the admin would record them; instants are UTC. */
export const DEMO_OUTAGES: readonly DemoOutage[] = [
  {
    // The real window announced on the programme site: 2020-07-23 07:00 to 2020-07-24 00:30 Tokyo (both holidays).
    system: 'mykey_platform',
    paymentServiceName: null,
    kind: 'planned',
    startsAt: '2020-07-22T22:00:00.000Z',
    endsAt: '2020-07-23T15:30:00.000Z',
    affects: ['reservation', 'application'],
    note: 'マイキープラットフォームのメンテナンス(マイナポイント事業サイトで告知)。予約・申込みとも停止。',
  },
  {
    // Fictional: a weekday window during desk hours, so that the outage statistics have cases to count.
    system: 'mykey_platform',
    paymentServiceName: null,
    kind: 'planned',
    startsAt: '2020-11-18T00:00:00.000Z',
    endsAt: '2020-11-18T02:30:00.000Z',
    affects: ['reservation'],
    note: 'マイキーID設定機能の計画メンテナンス。申込みは利用可能。',
  },
  {
    // Fictional: an afternoon window during the quiet months of 2021.
    system: 'mykey_platform',
    paymentServiceName: null,
    kind: 'planned',
    startsAt: '2021-03-10T05:00:00.000Z',
    endsAt: '2021-03-10T07:00:00.000Z',
    affects: ['reservation', 'application'],
    note: 'マイキープラットフォームの計画メンテナンス。予約・申込みとも停止。',
  },
  {
    // Fictional: forty minutes without a working terminal on a busy September morning.
    system: 'terminal',
    paymentServiceName: null,
    kind: 'unplanned',
    startsAt: '2020-09-08T01:20:00.000Z',
    endsAt: '2020-09-08T02:00:00.000Z',
    affects: ['reservation', 'application'],
    note: '窓口端末のカードリーダーが応答せず、再起動と交換で復旧。',
  },
  {
    // Fictional: one payment service down for an afternoon; only its applications are stopped.
    system: 'payment_service',
    paymentServiceName: 'ことりペイ',
    kind: 'unplanned',
    startsAt: '2020-10-07T05:00:00.000Z',
    endsAt: '2020-10-07T07:30:00.000Z',
    affects: ['application'],
    note: '決済事業者側のシステム障害により、ことりペイへの申込みができない状態。',
  },
];

export function demoCatalogue(): DemoCatalogue {
  // Copies, so that a caller seeding a database cannot alter what the generator relies on.
  return {
    sites: [{ ...MAIN_SITE }, { ...ANNEX_SITE }],
    accounts: [
      ...STAFF_PROFILES.map(({ username, displayName, role }) => ({ username, displayName, role })),
      ...OFFICE_ACCOUNTS.map((account) => ({ ...account })),
    ],
    paymentServices: PAYMENT_SERVICE_PROFILES.map(
      ({ name, kind, appliesAtSpot, requiresPreRegistration, requiredItems }) => ({
        name,
        kind,
        appliesAtSpot,
        requiresPreRegistration,
        requiredItems: [...requiredItems],
      }),
    ),
    outages: DEMO_OUTAGES.map((outage) => ({ ...outage, affects: [...outage.affects] })),
  };
}
