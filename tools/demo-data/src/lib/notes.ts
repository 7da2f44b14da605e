import type { ReasonCode } from '@madoguchi/contracts';

/**
 * Japanese notes as staff would type them. None contains a digit, so no note can be mistaken for a My Number, a PIN
 * or a phone number.
 */

/** Reason `other` requires a note saying what happened. */
export const OTHER_NOTES: readonly string[] = [
  'カードのICチップが読み取れないため市民課を案内',
  '氏名に外字が含まれ照合できず、後日の再来庁を案内',
  'スマートフォンが決済アプリに未対応の機種のため、他の決済サービスを検討いただく',
  '決済アプリの更新が必要なため、更新後の再来庁を案内',
  'ご本人の体調不良により手続を中断',
  'スマートフォンの電池切れのため後日対応',
  '選んだ決済サービスを決めかねているため、検討後の再来庁を案内',
  '決済アプリにログインできず、事業者への問合せを案内',
];

export const PAYMENT_OUTAGE_NOTE = '決済サービス側の障害により申込みできず、復旧後の再来庁を案内';

export const INQUIRY_NOTES: readonly string[] = [
  '窓口の混雑状況の問合せ',
  '手続に必要な持ち物の問合せ',
  '手続スポットで申込みできる決済サービスの問合せ',
  '暗証番号を忘れた場合の手続の問合せ',
  '電子証明書の有効期限の確認方法の問合せ',
  'ポイントの付与時期と受取方法の問合せ',
  '家族による代理手続の可否の問合せ',
  '自宅のスマートフォンで手続する方法の問合せ',
  '予約と申込みの違いについての問合せ',
];

export const PROXY_NOTE = 'ご家族による代理での手続を希望。ご本人の来庁が必要なことを案内';
export const ALREADY_RESERVED_NOTE = 'マイキーIDは設定済みのため申込みのみ実施';
export const COMPLETED_NOTES: readonly string[] = [
  'ポイントの受取方法もあわせて案内',
  '決済アプリのチャージ方法もあわせて案内',
  'ご家族の分の手続も希望されたため、ご本人の来庁が必要なことを案内',
];
export const REFERRAL_NOTES: Readonly<Partial<Record<ReasonCode, string>>> = {
  pin_locked: '市民課で暗証番号の再設定を案内',
  pin_forgotten: '市民課で暗証番号の再設定を案内',
  cert_expired: '市民課で電子証明書の更新を案内',
  cert_not_issued: '市民課で電子証明書の発行を案内',
  cert_wait_24h: '更新から一日経過した後の再来庁を案内',
  service_prereg_required: 'ご自身での事前登録後の再来庁を案内',
  service_not_at_spot: '決済アプリからの申込み方法を案内',
  platform_maintenance: 'メンテナンス終了後の再来庁を案内',
  terminal_fault: '端末復旧後の再来庁を案内',
};
export const LEFT_NOT_PRESENT_NOTE = '呼出し時に不在';
export const LEFT_WAIT_NOTE = '待ち時間が長いため退出';
