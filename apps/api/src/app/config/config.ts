import {
  deskCalendarOf,
  type DeskCalendarSettings,
  FY2020_PROGRAMME_WINDOWS,
  programmeWindowProblems,
  type ProgrammeWindows,
} from '@madoguchi/rules';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayMessage = (name: string, example: string) => `${name} accepts a day as YYYY-MM-DD (e.g. ${example})`;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toFlag = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/** Every setting of the server, read once from the environment at start-up; defaults live here and nowhere else. */
export class Settings {
  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV accepts development, production or test' })
  NODE_ENV = 'development';

  @Transform(toInt)
  @IsInt({ message: 'PORT accepts a whole number from 1 to 65535 (e.g. 3000)' })
  @Min(1, { message: 'PORT accepts a whole number from 1 to 65535 (e.g. 3000)' })
  @Max(65535, { message: 'PORT accepts a whole number from 1 to 65535 (e.g. 3000)' })
  PORT = 3000;

  /** Where to listen; when unset, 127.0.0.1 in demo mode (its password is published) and 0.0.0.0 otherwise. */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'HOST accepts an address to listen on (e.g. 0.0.0.0 or 127.0.0.1)' })
  HOST?: string;

  @IsString()
  @IsNotEmpty({ message: 'DATABASE_PATH accepts a file path for the SQLite database (e.g. ./data/madoguchi.sqlite)' })
  DATABASE_PATH = './data/madoguchi.sqlite';

  /** A PostgreSQL database (postgres://user:password@host:5432/name): when set, it is used instead of the file. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL accepts a PostgreSQL URL (e.g. postgres://madoguchi:secret@localhost:5432/madoguchi)',
  })
  DATABASE_URL?: string;

  @Transform(toFlag)
  @IsBoolean({ message: 'MADOGUCHI_DEMO accepts 1 (demo accounts and data) or 0 (none)' })
  MADOGUCHI_DEMO = false;

  @Transform(toInt)
  @IsInt({ message: 'DEMO_CASES accepts a whole number from 0 to 5000000 (0: accounts and catalogue only)' })
  @Min(0, { message: 'DEMO_CASES accepts a whole number from 0 to 5000000 (0: accounts and catalogue only)' })
  @Max(5_000_000, { message: 'DEMO_CASES accepts a whole number from 0 to 5000000 (0: accounts and catalogue only)' })
  DEMO_CASES = 20_000;

  @Transform(toInt)
  @IsInt({ message: 'DEMO_SEED accepts a whole number (the same seed gives the same demo data)' })
  DEMO_SEED = 20_200_701;

  @Transform(toInt)
  @IsInt({ message: 'WRITE_LOCK_TIMEOUT_MS accepts a whole number of milliseconds from 100 to 60000' })
  @Min(100, { message: 'WRITE_LOCK_TIMEOUT_MS accepts a whole number of milliseconds from 100 to 60000' })
  @Max(60_000, { message: 'WRITE_LOCK_TIMEOUT_MS accepts a whole number of milliseconds from 100 to 60000' })
  WRITE_LOCK_TIMEOUT_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'NOTE_RETENTION_DAYS accepts a whole number of days from 0 (keep notes) to 3650' })
  @Min(0, { message: 'NOTE_RETENTION_DAYS accepts a whole number of days from 0 (keep notes) to 3650' })
  @Max(3650, { message: 'NOTE_RETENTION_DAYS accepts a whole number of days from 0 (keep notes) to 3650' })
  NOTE_RETENTION_DAYS = 0;

  @Transform(toInt)
  @IsInt({ message: 'TOKEN_TTL_HOURS accepts a whole number of hours from 1 to 720' })
  @Min(1, { message: 'TOKEN_TTL_HOURS accepts a whole number of hours from 1 to 720' })
  @Max(720, { message: 'TOKEN_TTL_HOURS accepts a whole number of hours from 1 to 720' })
  TOKEN_TTL_HOURS = 12;

  @Transform(toInt)
  @IsInt({ message: 'API_TOKEN_REQUESTS_PER_MINUTE accepts a whole number of requests from 1 to 6000' })
  @Min(1, { message: 'API_TOKEN_REQUESTS_PER_MINUTE accepts a whole number of requests from 1 to 6000' })
  @Max(6000, { message: 'API_TOKEN_REQUESTS_PER_MINUTE accepts a whole number of requests from 1 to 6000' })
  API_TOKEN_REQUESTS_PER_MINUTE = 60;

  @Transform(toInt)
  @IsInt({ message: 'WAIT_TARGET_MINUTES accepts a whole number of minutes from 1 to 480' })
  @Min(1, { message: 'WAIT_TARGET_MINUTES accepts a whole number of minutes from 1 to 480' })
  @Max(480, { message: 'WAIT_TARGET_MINUTES accepts a whole number of minutes from 1 to 480' })
  WAIT_TARGET_MINUTES = 30;

  @Transform(toInt)
  @IsInt({ message: 'CERT_WAIT_HOURS accepts a whole number of hours from 0 to 720 (the seed says 24)' })
  @Min(0, { message: 'CERT_WAIT_HOURS accepts a whole number of hours from 0 to 720 (the seed says 24)' })
  @Max(720, { message: 'CERT_WAIT_HOURS accepts a whole number of hours from 0 to 720 (the seed says 24)' })
  CERT_WAIT_HOURS = 24;

  /** Seed: 「予約は現在受付中!申込みは7月以降順次可能です」: reservations were supported before applications. */
  @Matches(DAY, { message: dayMessage('RESERVATION_SUPPORT_FROM', FY2020_PROGRAMME_WINDOWS.reservation.from) })
  RESERVATION_SUPPORT_FROM = FY2020_PROGRAMME_WINDOWS.reservation.from;

  @Matches(DAY, { message: dayMessage('RESERVATION_SUPPORT_TO', FY2020_PROGRAMME_WINDOWS.reservation.to) })
  RESERVATION_SUPPORT_TO = FY2020_PROGRAMME_WINDOWS.reservation.to;

  @Matches(DAY, { message: dayMessage('APPLICATION_SUPPORT_FROM', FY2020_PROGRAMME_WINDOWS.application.from) })
  APPLICATION_SUPPORT_FROM = FY2020_PROGRAMME_WINDOWS.application.from;

  @Matches(DAY, { message: dayMessage('APPLICATION_SUPPORT_TO', FY2020_PROGRAMME_WINDOWS.application.to) })
  APPLICATION_SUPPORT_TO = FY2020_PROGRAMME_WINDOWS.application.to;

  @IsOptional()
  @IsString()
  ADMIN_UI_PATH?: string;

  @IsIn(['error', 'warn', 'log', 'debug'], { message: 'LOG_LEVEL accepts error, warn, log or debug' })
  LOG_LEVEL = 'log';
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Madoguchi cannot start: ${problems.length} setting(s) are invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Reads and validates the settings; throws a SettingsError that names each bad variable and what it accepts. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const known = Object.keys(new Settings());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'ADMIN_UI_PATH', 'HOST', 'DATABASE_URL']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const settings = plainToInstance(Settings, raw, { exposeDefaultValues: true });
  const errors = validateSync(settings, { forbidUnknownValues: true });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${m}; got ${e.property}=${JSON.stringify(raw[e.property])}`),
  );
  if (settings.MADOGUCHI_DEMO && settings.NODE_ENV === 'production') {
    problems.push(
      'MADOGUCHI_DEMO=1 is refused when NODE_ENV=production: set MADOGUCHI_DEMO=0 and create the first admin',
    );
  }
  // A day that is not even written as one is already named above; the order of the days is checked once all are days.
  if (!errors.some((e) => e.property.includes('_SUPPORT_'))) {
    problems.push(...programmeWindowProblems(programmeWindows(settings)).map((p) => `The support period: ${p}`));
  }
  if (problems.length) throw new SettingsError([...new Set(problems)]);
  settings.HOST ??= settings.MADOGUCHI_DEMO ? '127.0.0.1' : '0.0.0.0';
  return settings;
}

/** The support window of each procedure, from the settings. */
export function programmeWindows(settings: Settings): ProgrammeWindows {
  return {
    reservation: { from: settings.RESERVATION_SUPPORT_FROM, to: settings.RESERVATION_SUPPORT_TO },
    application: { from: settings.APPLICATION_SUPPORT_FROM, to: settings.APPLICATION_SUPPORT_TO },
  };
}

/** The desk's calendar: open on a day when it supports at least one procedure. */
export function deskCalendarSettings(settings: Settings): DeskCalendarSettings {
  return deskCalendarOf(programmeWindows(settings));
}
