import { TestBed } from '@angular/core/testing';
import { FormControl, Validators } from '@angular/forms';
import { I18n } from '../i18n';
import { FieldErrorPipe } from './field-error.pipe';
import { noMyNumber } from './validators';

describe('fieldError', () => {
  beforeEach(() => localStorage.clear());

  const errorOf = (value: string) => {
    const control = new FormControl(value, [Validators.required, noMyNumber]);
    return TestBed.runInInjectionContext(() => new FieldErrorPipe()).transform(control.errors);
  };

  it('says why a My Number is refused, however it was typed, in the language on screen', () => {
    expect(errorOf('一二三四・五六七八・九〇一八')).toContain('マイナンバーは記録できません');
    TestBed.inject(I18n).setLanguage('en');
    expect(errorOf('1234.5678.9018')).toContain('My Numbers must not be recorded');
  });

  it('asks for an empty required field, and says nothing of a good one', () => {
    expect(errorOf('')).toBe('入力してください');
    expect(errorOf('窓口 太郎')).toBe('');
  });
});
