import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n';
import { ApiError } from './api-error';
import { apiInterceptor } from './api.interceptor';

@Component({ template: '' })
class Blank {}

describe('apiInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'cases', component: Blank },
        ]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/cases');
  });

  afterEach(() => backend.verify());

  it('sends no token of its own: the HttpOnly session cookie goes with the request, out of reach of scripts', () => {
    http.get('/api/cases').subscribe();

    const sent = backend.expectOne('/api/cases').request;
    expect(sent.headers.has('Authorization')).toBe(false);
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it("asks the API to word its messages in the screen's language", () => {
    http.get('/api/cases').subscribe();
    expect(backend.expectOne('/api/cases').request.headers.get('Accept-Language')).toBe('ja');

    TestBed.inject(I18n).setLanguage('en');
    http.get('/api/cases').subscribe();
    expect(backend.expectOne('/api/cases').request.headers.get('Accept-Language')).toBe('en');
  });

  it('leaves requests to other hosts as they are', () => {
    http.get('https://example.org/api/cases').subscribe();

    expect(backend.expectOne('https://example.org/api/cases').request.headers.has('Accept-Language')).toBe(false);
  });

  it('signs out and goes to the sign-in page when the API answers 401', async () => {
    const auth = TestBed.inject(AuthService);
    auth.restoreUser().subscribe();
    backend.expectOne('/api/auth/me').flush({ username: 'staff', displayName: '窓口 職員', role: 'staff' });
    expect(auth.signedIn()).toBe(true);
    const response = firstValueFrom(http.get('/api/cases'));
    backend
      .expectOne('/api/cases')
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Token expired' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(response).rejects.toBeInstanceOf(ApiError);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(router.url).toBe('/login?returnUrl=%2Fcases&expired=1');
    expect(auth.signedIn()).toBe(false);
  });

  it('leaves a wrong password to the sign-in page instead of redirecting', async () => {
    const response = firstValueFrom(http.post('/api/auth/login', { username: 'a', password: 'b' }));
    backend
      .expectOne('/api/auth/login')
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Bad credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(response).rejects.toBeInstanceOf(ApiError);
    expect(router.url).toBe('/cases');
  });

  it('turns problem+json into a typed error with the field messages', async () => {
    const response = firstValueFrom(http.post('/api/cases', {}));
    backend.expectOne('/api/cases').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'procedure is required',
        errors: [{ field: 'procedure', message: '手続を選んでください' }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
    );

    const error = await response.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('procedure is required');
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'procedure', message: '手続を選んでください' }]);
    expect(router.url).toBe('/cases');
  });
});
