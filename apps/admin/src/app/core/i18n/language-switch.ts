import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { Language, TranslationKey } from './dictionary';
import { I18n } from './i18n';
import { TranslatePipe } from './i18n.pipes';

/** 日本語 | English toggle; each option is written in its own language so anyone can find theirs. */
@Component({
  selector: 'mg-language-switch',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      [attr.aria-label]="'language.label' | t"
      [value]="i18n.lang()"
      (change)="use($event.value)"
      hideSingleSelectionIndicator
    >
      @for (option of options; track option.lang) {
        <mat-button-toggle [value]="option.lang" [attr.lang]="option.lang">{{ option.key | t }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    mat-button-toggle-group {
      --mat-button-toggle-height: 36px;
      font-size: 0.875rem;
    }
  `,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly options: readonly { lang: Language; key: TranslationKey }[] = [
    { lang: 'ja', key: 'language.ja' },
    { lang: 'en', key: 'language.en' },
  ];

  protected use(lang: Language): void {
    this.i18n.setLanguage(lang);
  }
}
