import { HttpErrorResponse } from '@angular/common/http';
import {
  PROBLEM_TYPE_PREFIX,
  type ProblemDetails,
  type ProblemType,
  type StaleVersionProblem,
} from '@madoguchi/contracts';

/** Every failed API call surfaces as this: the HTTP status and, when the API sent one, its problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** Validation messages keyed by the request field they are about. */
  get fieldErrors(): readonly { field: string; message: string }[] {
    return this.problem?.errors ?? [];
  }

  static from(response: HttpErrorResponse): ApiError {
    return new ApiError(response.status, isProblem(response.error) ? response.error : null);
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<ProblemDetails>).status === 'number' &&
    typeof (body as Partial<ProblemDetails>).title === 'string'
  );
}

/** True when the API answered with the problem `type` named (e.g. 'stale-version'). */
export function isProblemType(error: unknown, type: ProblemType): error is ApiError {
  return error instanceof ApiError && error.problem?.type === `${PROBLEM_TYPE_PREFIX}${type}`;
}

/** The record as it is now, from a 409 `stale-version` problem; null for any other error. */
export function staleCurrent<T>(error: unknown): T | null {
  if (!isProblemType(error, 'stale-version')) return null;
  return ((error.problem as StaleVersionProblem<T>).current ?? null) as T | null;
}
