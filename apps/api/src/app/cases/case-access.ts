import type { Labelled, Role } from '@madoguchi/contracts';
import { tokyoDate } from '@madoguchi/rules';

export interface CaseHolder {
  id: number;
  role: Role;
}

export interface CaseOwnership {
  staffId: number | null;
  arrivedAt: Date;
  createdAt: Date;
}

/** Managers and admins reach every case; staff the rules below. */
const seesEverything = (user: CaseHolder) => user.role !== 'staff';

/**
 * Staff change their own cases of the same Tokyo day: cases they serve (or nobody serves yet: the reception queue is
 * shared) that arrived today, or that they wrote up today after the fact. Later corrections go through a manager.
 */
export function mayChangeCase(user: CaseHolder, c: CaseOwnership, now: Date = new Date()): boolean {
  if (seesEverything(user)) return true;
  const today = tokyoDate(now);
  const ours = c.staffId === null || c.staffId === user.id;
  return ours && (tokyoDate(c.arrivedAt) === today || tokyoDate(c.createdAt) === today);
}

/** Staff read today's cases (the queue board) and every case they served. */
export function mayReadCase(user: CaseHolder, c: CaseOwnership, now: Date = new Date()): boolean {
  return (
    seesEverything(user) ||
    c.staffId === user.id ||
    tokyoDate(c.arrivedAt) === tokyoDate(now) ||
    mayChangeCase(user, c, now)
  );
}

export const NOT_YOURS_TO_READ: Labelled = {
  ja: '職員が参照できるのは、当日のケースと自分が対応したケースだけです。',
  en: 'Staff may read only the cases of today and the cases they served.',
};

export const NOT_YOURS_TO_CHANGE: Labelled = {
  ja: '職員が変更できるのは、自分が対応した当日のケースだけです。変更が必要な場合は管理者に依頼してください。',
  en: 'Staff may change only their own cases of the same day; ask a manager for any other correction.',
};

export const SERVED_BY_SOMEONE_ELSE: Labelled = {
  ja: 'このケースは他の職員が対応中です。',
  en: 'Another staff member is serving this case.',
};
