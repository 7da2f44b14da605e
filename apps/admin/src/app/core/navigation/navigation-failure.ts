import { Injectable, inject, signal } from '@angular/core';
import { type NavigationError, withNavigationErrorHandler, withRouterConfig } from '@angular/router';

/** The screen that could not be opened: its code failed to download (network down, or a newer version deployed). */
@Injectable({ providedIn: 'root' })
export class NavigationFailure {
  readonly failedUrl = signal<string | null>(null);
}

/** The router's error handler: remembers the address so the frame can offer to load it afresh. */
export function rememberNavigationFailure(error: NavigationError): void {
  inject(NavigationFailure).failedUrl.set(error.url);
}

/** The router features: a failed navigation is shown once, by the frame, and `router.navigate` then resolves to false. */
export const navigationFailureFeatures = [
  withNavigationErrorHandler(rememberNavigationFailure),
  withRouterConfig({ resolveNavigationPromiseOnError: true }),
] as const;
