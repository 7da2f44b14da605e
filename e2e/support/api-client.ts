import type { LoginResponse } from '@madoguchi/contracts';
import { answerBreaksDocument } from './openapi-answers';

export const DEMO_PASSWORD = 'madoguchi-demo';

export interface ApiAnswer<T = unknown> {
  status: number;
  contentType: string;
  body: T;
}

/** A small HTTP client over fetch for black-box API tests. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token: string | null = null,
    private readonly language = 'en',
  ) {}

  static async signIn(
    baseUrl: string,
    username: string,
    password = DEMO_PASSWORD,
    language = 'en',
  ): Promise<ApiClient> {
    const client = new ApiClient(baseUrl, null, language);
    const answer = await client.post<LoginResponse>('/api/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(answer.body)}`);
    client.token = answer.body.token;
    return client;
  }

  get bearer(): string | null {
    return this.token;
  }

  get<T = unknown>(path: string): Promise<ApiAnswer<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { 'accept-language': this.language };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed: unknown = text && contentType.includes('json') ? JSON.parse(text) : text;
    const broken = answerBreaksDocument(method, response.url, response.status, contentType, parsed);
    if (broken) throw new Error(`The answer breaks docs/openapi.json: ${broken}`);
    return { status: response.status, contentType, body: parsed as T };
  }
}
