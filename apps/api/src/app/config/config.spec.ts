import { deskCalendarSettings, loadSettings, programmeWindows, SettingsError } from './config';

describe('settings', () => {
  it('starts from the documented defaults', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({
      PORT: 3000,
      DATABASE_PATH: './data/madoguchi.sqlite',
      MADOGUCHI_DEMO: false,
      HOST: '0.0.0.0',
      DEMO_CASES: 20000,
      NODE_ENV: 'development',
    });
  });

  it('reads numbers and flags from their text', () => {
    expect(loadSettings({ PORT: '8080', MADOGUCHI_DEMO: '0', DEMO_CASES: '0' })).toMatchObject({
      PORT: 8080,
      MADOGUCHI_DEMO: false,
      DEMO_CASES: 0,
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT accepts a whole number from 1 to 65535'],
    ['PORT', '70000', 'PORT accepts a whole number from 1 to 65535'],
    ['MADOGUCHI_DEMO', 'maybe', 'MADOGUCHI_DEMO accepts 1'],
    ['DEMO_CASES', '-5', 'DEMO_CASES accepts a whole number from 0'],
    ['NODE_ENV', 'staging', 'NODE_ENV accepts development, production or test'],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadSettings({ [name]: value })).toThrow(SettingsError);
    expect(() => loadSettings({ [name]: value })).toThrow(message);
  });

  it('lists every bad setting at once', () => {
    try {
      loadSettings({ PORT: 'abc', LOG_LEVEL: 'loud' });
      throw new Error('expected a SettingsError');
    } catch (error) {
      expect((error as SettingsError).problems).toHaveLength(2);
    }
  });

  it('listens only on this machine in demo mode, whose password is published, unless HOST says otherwise', () => {
    expect(loadSettings({ MADOGUCHI_DEMO: '1' }).HOST).toBe('127.0.0.1');
    expect(loadSettings({ MADOGUCHI_DEMO: '1', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadSettings({ MADOGUCHI_DEMO: '0' }).HOST).toBe('0.0.0.0');
  });

  it('refuses demo data in production but allows production without it', () => {
    expect(() => loadSettings({ NODE_ENV: 'production', MADOGUCHI_DEMO: '1' })).toThrow('MADOGUCHI_DEMO=1 is refused');
    expect(loadSettings({ NODE_ENV: 'production', MADOGUCHI_DEMO: '0' }).MADOGUCHI_DEMO).toBe(false);
  });

  it('keeps a support window per procedure, reservations before applications by default (the seed)', () => {
    const settings = loadSettings({});
    expect(programmeWindows(settings)).toEqual({
      reservation: { from: '2020-04-01', to: '2021-12-31' },
      application: { from: '2020-07-01', to: '2021-12-31' },
    });
    expect(deskCalendarSettings(settings)).toEqual({ programmeStart: '2020-04-01', programmeEnd: '2021-12-31' });
    const later = loadSettings({ RESERVATION_SUPPORT_FROM: '2020-06-01', APPLICATION_SUPPORT_TO: '2021-09-30' });
    expect(programmeWindows(later).reservation.from).toBe('2020-06-01');
    expect(deskCalendarSettings(later)).toEqual({ programmeStart: '2020-06-01', programmeEnd: '2021-12-31' });
  });

  it('refuses a support window that is not a day or ends before it starts, naming it', () => {
    expect(() => loadSettings({ APPLICATION_SUPPORT_FROM: '2020/07/01' })).toThrow(
      'APPLICATION_SUPPORT_FROM accepts a day as YYYY-MM-DD (e.g. 2020-07-01)',
    );
    expect(() => loadSettings({ RESERVATION_SUPPORT_FROM: '2022-01-01' })).toThrow(
      'the reservation window starts (2022-01-01) after it ends (2021-12-31)',
    );
    expect(() => loadSettings({ APPLICATION_SUPPORT_TO: '2021-02-30' })).toThrow('the application window has');
  });
});
