import type { IsoInstant } from '@madoguchi/contracts';
import { DateTime } from 'luxon';
import { type Language, LOCALES, TOKYO } from '../core/i18n';

/**
 * An outage's period as the monthly report's table writes it: the report's year is in its title, so a day of that
 * year is written without it (`9月8日(火) 10:20–11:00`), which keeps the column narrow enough for A4. The parts are
 * the pieces a line may break between (start and end of an outage over several days), never inside.
 */
export function reportOutagePeriod(
  startsAt: IsoInstant,
  endsAt: IsoInstant | null,
  lang: Language,
  ongoing: string,
  reportYear: number,
): string[] {
  const start = DateTime.fromISO(startsAt).setZone(TOKYO).setLocale(LOCALES[lang]);
  const day = (dt: DateTime) => {
    const withYear = dt.year !== reportYear;
    if (lang === 'ja') return dt.toFormat(withYear ? 'yyyy年M月d日(ccc)' : 'M月d日(ccc)');
    return dt.toFormat(withYear ? 'ccc d LLL yyyy' : 'ccc d LLL');
  };
  const at = (dt: DateTime) => `${day(dt)} ${dt.toFormat('H:mm')}`;
  if (!endsAt) return [`${at(start)} –`, ongoing];
  const end = DateTime.fromISO(endsAt).setZone(TOKYO).setLocale(LOCALES[lang]);
  return start.hasSame(end, 'day') ? [`${at(start)}–${end.toFormat('H:mm')}`] : [`${at(start)} –`, at(end)];
}
