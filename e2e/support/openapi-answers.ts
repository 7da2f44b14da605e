import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Every answer the API tests receive is checked against docs/openapi.json (which npm test keeps equal to the served
 * document): a status the operation does not document, a content type it does not name, or a body its schema refuses
 * fails the test that met it.
 */
interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
}

const DOCUMENT = JSON.parse(readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
};

// The document is one schema resource, so that its `#/components/...` references resolve inside it.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(DOCUMENT, 'openapi');

const routes = Object.entries(DOCUMENT.paths).map(([template, item]) => ({
  template,
  item,
  pattern: new RegExp(
    `^${template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  ),
  // The router tries literal segments before a parameter in the same place: follow-up/{code} before {id}/….
  rank: template
    .split('/')
    .map((segment) => (segment.startsWith('{') ? '1' : '0'))
    .join(''),
}));
routes.sort((a, b) => a.rank.localeCompare(b.rank));

const compiled = new Map<string, ValidateFunction>();

/** Why the answer breaks the document, or null when it keeps to it (or the route is not the API's). */
export function answerBreaksDocument(
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: unknown,
): string | null {
  const path = new URL(url).pathname;
  const key = method.toLowerCase();
  const route = routes.find((r) => r.pattern.test(path) && r.item[key]);
  const operation = route?.item[key];
  // Outside the API (the UI's pages, the document itself) nothing is promised; inside it, only an unknown address.
  if (!route || !operation) {
    return path.startsWith('/api/') && !path.startsWith('/api/docs') && ![404, 405].includes(status)
      ? `${method} ${path} answered ${status}, but the document has no such operation`
      : null;
  }
  const where = `${method} ${route.template}`;
  const listed = operation.responses[String(status)];
  if (!listed) return `${where} answered ${status}, which the document does not list`;
  const pointer = listed.$ref
    ? `openapi${listed.$ref}`
    : `openapi#/paths/${escape(route.template)}/${key}/responses/${status}`;
  const answer = listed.$ref ? DOCUMENT.components.responses[listed.$ref.split('/').pop() ?? ''] : listed;
  if (!answer) return `${where} refers to ${listed.$ref}, which the document does not hold`;
  const media = contentType.split(';')[0]?.trim() ?? '';
  if (!answer.content) return null;
  const described = answer.content[media];
  if (!described) return `${where} answered ${status} as ${media || 'nothing'}, not as the document says`;
  if (!described.schema || typeof body === 'string') return null;
  const ref = `${pointer}/content/${escape(media)}/schema`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  if (validate(body)) return null;
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  return `${where} answered ${status} with a body its schema refuses:\n  ${errors.join('\n  ')}`;
}

const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
