import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { APP_VERSION } from '../../version';
import contractSchemas from './contract-schemas.json';

/** A type of libs/contracts (or an answer of libs/rules), as tools/openapi/contract-schemas.mjs made its schema. */
export type ContractName = keyof typeof contractSchemas & string;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The schema of a contract type, for an answer that ApiAnswer cannot say (several media types). */
export const contractSchema = (name: ContractName) => ref(name);

/** One contract type, a list of it, or a page of it (`items`, `total`, `page`, `pageSize`). */
export type AnswerShape = ContractName | [ContractName] | { page: ContractName };

function schemaOf(shape: AnswerShape): Record<string, unknown> {
  if (typeof shape === 'string') return ref(shape);
  if (Array.isArray(shape)) return { type: 'array', items: ref(shape[0]) };
  // Page<T> of libs/contracts, which has no schema of its own because it takes a type parameter.
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: ref(shape.page) },
      total: { type: 'integer', minimum: 0, description: 'How many match, on every page.' },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1 },
    },
    required: ['items', 'total', 'page', 'pageSize'],
    additionalProperties: false,
  };
}

/** The JSON answer of a route, with its schema from the contract types and, for the main routes, an example. */
export function ApiAnswer(
  shape: AnswerShape,
  options: { description: string; status?: number; example?: unknown },
): MethodDecorator & ClassDecorator {
  const media = { schema: schemaOf(shape), ...(options.example === undefined ? {} : { example: options.example }) };
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description,
    content: { 'application/json': media },
  });
}

/** The problems (RFC 9457) a route answers besides those every route may: each with why it happens. */
export function ApiProblems(problems: Partial<Record<number, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({ status: Number(status), description: description ?? '', content: PROBLEM_CONTENT }),
    ),
  );
}

export const PROBLEM_CONTENT = { 'application/problem+json': { schema: ref('ProblemDetails') } };

/** The route is served without a sign-in (the marker becomes `security: []` in the document). */
export const ApiPublic = () => ApiExtension(PUBLIC_MARK, true);
const PUBLIC_MARK = 'x-madoguchi-public';

/**
 * The routes other systems build on: the public ones and the statistics. Their version is in the document, and a
 * change to them fails the contract test until the version is raised with a CHANGELOG line (docs/api.md).
 */
export const STABLE_APIS = { public: '1.0', statistics: '1.0' } as const;
export type StableApi = keyof typeof STABLE_APIS;
export const STABLE_MARK = 'x-stable-api';
export const ApiStable = (api: StableApi) => ApiExtension(STABLE_MARK, { name: api, version: STABLE_APIS[api] });

/** The security scheme of the read-only tokens an admin makes for reporting tools (statistics, exports). */
export const API_TOKEN_SCHEME = 'apiToken';

const SESSION: Record<string, string[]>[] = [{ session: [] }, { sessionCookie: [] }];

/** Problems every route of its kind may answer, so that each operation names them without repeating them. */
const COMMON_PROBLEMS = {
  BadRequest: 'The query, path or body is not valid: `errors` names each field and what to change.',
  Unauthorized: 'No valid sign-in or token: sign in (or use a token that is current) and retry.',
  Forbidden:
    'Not allowed here: an API token reads only the statistics or exports its scopes name (GET only), and a browser ' +
    'session changes nothing from another site.',
  NotFound: 'No record has this id.',
  TooLarge: 'The body is over the size limit: shorten the free text.',
  UnsupportedMediaType: 'The body is not JSON in UTF-8: send `Content-Type: application/json; charset=utf-8`.',
  Unprocessable:
    'The request breaks a rule of the desk: text that looks like a My Number (in the body, the query or the path; ' +
    'never stored), a record it names that does not exist, or a value that contradicts another. `errors` says which.',
  Unavailable:
    'The database cannot be read or written just now (full disk, read-only file, lost connection) or the server ' +
    'is stopping: retry after `Retry-After` seconds. Nothing was stored.',
} as const;

/** The OpenAPI document at /api/docs-json: the contract a reporting tool or another system builds on. */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Madoguchi API')
    .setDescription(
      'The operations tracker of a city hall desk. Instants are UTC ISO-8601; dates are Asia/Tokyo days. ' +
        'Every error is `application/problem+json` (RFC 9457), in Japanese when `Accept-Language` starts with `ja`.',
    )
    .setVersion(APP_VERSION)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('{origin}', "The desk's own address", {
      origin: {
        default: 'http://localhost:3000',
        description: 'Where the desk is served, e.g. https://madoguchi.city.example.jp',
      },
    })
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The token of POST /api/auth/login.' }, 'session')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'A read-only API token (mdg_…) made by an admin on the API tokens screen: statistics and/or exports only ' +
          '(docs/integrations.md).',
      },
      API_TOKEN_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'The browser sign-in.' },
      'sessionCookie',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Each city runs its own desk: the contact is whoever runs this one, as docs/operations.md says.
  document.info.contact = { name: 'The administrator of this desk (see docs/operations.md)' };
  return finishDocument(document);
}

function problem(description: string) {
  return { description, content: PROBLEM_CONTENT };
}

/** OpenAPI 3.1 says "may be null" as JSON Schema does; Nest still writes 3.0's `nullable`. */
function nullableAsJsonSchema(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableAsJsonSchema);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  Object.values(schema).forEach(nullableAsJsonSchema);
  if (schema['nullable'] !== true) return;
  delete schema['nullable'];
  if (Array.isArray(schema['enum'])) schema['enum'] = [...schema['enum'], null];
  if (typeof schema['type'] === 'string') schema['type'] = [schema['type'], 'null'];
  else if (!schema['type']) {
    const inner = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema['anyOf'] = [inner, { type: 'null' }];
  }
}

function finishDocument(document: OpenAPIObject): OpenAPIObject {
  nullableAsJsonSchema(document.components?.schemas);
  const components = document.components ?? {};
  components.schemas = { ...components.schemas, ...(contractSchemas as Record<string, object>) };
  components.responses = Object.fromEntries(Object.entries(COMMON_PROBLEMS).map(([k, v]) => [k, problem(v)]));
  document.components = components;
  const stable: Record<string, string> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const isPublic = extensions[PUBLIC_MARK] === true;
      delete extensions[PUBLIC_MARK];
      operation.security = isPublic ? [] : [...SESSION, ...(operation.security ?? [])];
      const responses = operation.responses;
      const common = (name: keyof typeof COMMON_PROBLEMS) => ({ $ref: `#/components/responses/${name}` });
      if ((operation.parameters?.length || operation.requestBody) && !responses['400'])
        responses['400'] = common('BadRequest');
      if ((operation.parameters?.length || operation.requestBody) && !responses['422'])
        responses['422'] = common('Unprocessable');
      if (operation.requestBody && !responses['413']) responses['413'] = common('TooLarge');
      if (operation.requestBody && !responses['415']) responses['415'] = common('UnsupportedMediaType');
      if (!isPublic && !responses['401']) responses['401'] = common('Unauthorized');
      if (!isPublic && !responses['403']) responses['403'] = common('Forbidden');
      const forbidden = responses['403'] as { description?: string } | undefined;
      if (!isPublic && forbidden?.description && !forbidden.description.includes('API token'))
        forbidden.description += ' An API token may call only the routes its scopes name.';
      if (path.includes('{id}') && !responses['404']) responses['404'] = common('NotFound');
      if (!responses['503']) responses['503'] = common('Unavailable');
      const mark = extensions[STABLE_MARK] as { name: StableApi; version: string } | undefined;
      if (mark) stable[mark.name] = mark.version;
    }
  }
  (document.info as unknown as Record<string, unknown>)[STABLE_MARK] = stable;
  components.schemas = reachableSchemas(document);
  return document;
}

/** Only the schemas an operation reaches, directly or through another schema: the document describes no more. */
function reachableSchemas(document: OpenAPIObject): Record<string, object> {
  const all = (document.components?.schemas ?? {}) as Record<string, object>;
  const kept = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const name =
        key === '$ref' && typeof value === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value)?.[1] : null;
      if (name && !kept.has(name) && all[name]) {
        kept.add(name);
        visit(all[name]);
      } else visit(value);
    }
  };
  visit(document.paths);
  visit(document.components?.responses);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => kept.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
