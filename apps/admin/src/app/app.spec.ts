import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { textOf } from '../testing/screen';
import { App } from './app';
import { navigationFailureFeatures } from './core/navigation/navigation-failure';

@Component({ template: '<h1>一覧</h1>' })
class ListScreen {}

describe('a screen that cannot be opened', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'cases', component: ListScreen },
            // What a lost connection or a replaced deployment does to a lazy screen.
            {
              path: 'reports',
              loadComponent: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
            },
          ],
          ...navigationFailureFeatures,
        ),
      ],
    });
  });

  it('says so, offers to load it afresh, and goes away once a screen opens', async () => {
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    const frame = fixture.nativeElement as HTMLElement;

    await expect(router.navigateByUrl('/reports?month=2020-09')).resolves.toBe(false);
    await fixture.whenStable();
    const alert = frame.querySelector('[role="alert"]');
    expect(alert && textOf(alert)).toBe('画面を開けませんでした。ネットワークを確認してください。 読み込み直す');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/reports?month=2020-09');

    await expect(router.navigateByUrl('/cases')).resolves.toBe(true);
    await fixture.whenStable();
    expect(frame.querySelector('[role="alert"]')).toBeNull();
    expect(textOf(frame)).toBe('一覧');
  });
});
