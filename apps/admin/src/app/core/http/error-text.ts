import type { I18n } from '../i18n/i18n';
import { ApiError } from './api-error';

/** What to tell staff about a failed call: the API's own `detail` when it sent one. */
export function errorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18n.translate('http.network');
    if (error.problem?.detail) return error.problem.detail;
    return i18n.translate('http.unexpected', { status: String(error.status) });
  }
  return i18n.translate('http.unexpected', { status: '?' });
}
