import { loadSettings, SettingsError } from './config';

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
});
