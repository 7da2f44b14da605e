import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import type { TranslationKey } from './dictionary';
import { I18n } from './i18n';

/** Route `title`s are translation keys; the tab title follows the language switch too. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly pageKey = signal<TranslationKey | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const app = this.i18n.translate('app.name');
      const key = this.pageKey();
      this.title.setTitle(key ? `${this.i18n.translate(key)} | ${app}` : app);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot) as TranslationKey | undefined);
  }
}

/** Types a route title as a translation key. */
export const titleKey = (key: TranslationKey): string => key;
