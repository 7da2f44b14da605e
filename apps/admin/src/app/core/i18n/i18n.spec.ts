import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { REASONS } from '@madoguchi/contracts';
import { en } from './en';
import { I18n } from './i18n';
import { LabelPipe, TranslatePipe } from './i18n.pipes';
import { ja } from './ja';
import { formatTokyoDate, formatTokyoDateTime, fromTokyoLocalInput } from './tokyo-time';

@Component({
  imports: [TranslatePipe, LabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a>{{ 'nav.caseList' | t }}</a
    ><span>{{ reason | label }}</span>`,
})
class Host {
  protected readonly reason = REASONS.pin_locked;
}

/** Every [dotted key, text] of a dictionary. */
function entriesOf(node: object, prefix = ''): [string, string][] {
  return Object.entries(node).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entriesOf(value as object, `${prefix}${key}.`),
  );
}

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('speaks Japanese by default', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.translate('nav.newCase')).toBe('ケース記録');
    expect(i18n.label(REASONS.cert_not_issued)).toBe('電子証明書が未発行');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('switches to English, and remembers it on the next visit', () => {
    TestBed.inject(I18n).setLanguage('en');

    TestBed.resetTestingModule();
    const nextVisit = TestBed.inject(I18n);
    expect(nextVisit.translate('nav.newCase')).toBe('Record a case');
    expect(nextVisit.label(REASONS.cert_not_issued)).toBe('Electronic certificate not issued');
    expect(document.documentElement.lang).toBe('en');
  });

  it('re-renders what is on screen when the language changes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('ケース一覧暗証番号ロック');

    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('CasesPIN locked');
  });

  it('fills placeholders, with thousands separators for numbers', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.translate('caseForm.saved', { id: '123' })).toBe('ケース #123 を記録しました');
    expect(i18n.translate('caseList.total', { n: 1234 })).toBe('1,234件');
  });

  it('has the same keys in both dictionaries, none of them empty', () => {
    const keys = (dictionary: object) => entriesOf(dictionary).map(([key]) => key);
    const blank = (dictionary: object) => entriesOf(dictionary).filter(([, text]) => !text.trim());

    expect(keys(ja).length).toBeGreaterThan(50);
    expect(keys(en)).toEqual(keys(ja));
    expect(blank(ja)).toEqual([]);
    expect(blank(en)).toEqual([]);
  });
});

describe('Tokyo time', () => {
  it('shows instants the way the desk writes them, on Tokyo time', () => {
    expect(formatTokyoDateTime('2020-11-23T23:30:00Z', 'ja')).toBe('2020年11月24日(火) 8:30');
    expect(formatTokyoDateTime('2020-11-23T23:30:00Z', 'en')).toBe('Tue 24 Nov 2020, 8:30');
    expect(formatTokyoDate('2020-11-24', 'ja')).toBe('2020年11月24日(火)');
    expect(formatTokyoDateTime('not a time', 'ja')).toBe('');
  });

  it('reads a date-time typed at the counter as Tokyo time', () => {
    expect(fromTokyoLocalInput('2020-11-24T08:30')).toBe('2020-11-23T23:30:00Z');
    expect(fromTokyoLocalInput('')).toBeNull();
    expect(fromTokyoLocalInput('2020-13-40T08:30')).toBeNull();
  });
});
