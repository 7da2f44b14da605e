import type { Labelled, ProblemType } from '@madoguchi/contracts';
import {
  json,
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { sendProblem } from './problem.filter';
import { DomainProblem } from './problems';

/** Bodies the API takes: a case with a long note is a few kilobytes. */
export const BODY_LIMIT = '64kb';
/** Deeper than any body the API defines; a deeper one is an attack on the parser's recursion, not a request. */
export const MAX_BODY_DEPTH = 16;

class BodyProblem extends DomainProblem {
  constructor(status: number, type: ProblemType, title: string, detail: Labelled) {
    super(status, type, title, detail);
  }
}

const TOO_LARGE = () =>
  new BodyProblem(413, 'payload-too-large', 'Payload too large', {
    ja: `送信内容が大きすぎます(上限 ${BODY_LIMIT})。メモなどを短くしてください。`,
    en: `The request body is over the limit of ${BODY_LIMIT}; shorten it.`,
  });
const MALFORMED = () =>
  new BodyProblem(400, 'malformed-body', 'Malformed body', {
    ja: '送信内容が JSON のオブジェクトとして読めません。',
    en: 'The request body is not a JSON object or array.',
  });
const TOO_DEEP = () =>
  new BodyProblem(400, 'malformed-body', 'Malformed body', {
    ja: `送信内容の入れ子が深すぎます(上限 ${MAX_BODY_DEPTH} 段)。`,
    en: `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`,
  });
const UNSUPPORTED = (what: string) =>
  new BodyProblem(415, 'unsupported-media-type', 'Unsupported media type', {
    ja: `この形式の送信は受け付けません(${what})。Content-Type: application/json; charset=utf-8 で送ってください。`,
    en: `This API takes no ${what}; send Content-Type: application/json; charset=utf-8.`,
  });

const carriesBody = (request: Request) =>
  Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

// body-parser's error types, as the problem each one is for the client.
const PARSER_PROBLEMS: Readonly<Record<string, () => DomainProblem>> = {
  'entity.too.large': TOO_LARGE,
  'entity.parse.failed': MALFORMED,
  'entity.verify.failed': MALFORMED,
  'request.size.invalid': MALFORMED,
  'request.aborted': MALFORMED,
  'charset.unsupported': () => UNSUPPORTED('charset other than UTF-8'),
  'encoding.unsupported': () => UNSUPPORTED('content encoding other than gzip, deflate or br'),
};

/**
 * The API's body handling in front of every route: JSON only (415 for any other type, charset or encoding), at most
 * BODY_LIMIT (413), an object or array that parses (400) and nests at most MAX_BODY_DEPTH deep (400). Every refusal
 * is problem+json, answered here so that no later handler (the UI's static files) can turn it into something else.
 */
export function jsonBodyOnly(): (RequestHandler | ErrorRequestHandler)[] {
  return [
    (request: Request, response: Response, next: NextFunction) => {
      if (!carriesBody(request) || request.is('application/json')) return next();
      sendProblem(UNSUPPORTED(`Content-Type ${request.headers['content-type'] ?? '(none)'}`), request, response);
    },
    json({ limit: BODY_LIMIT, strict: true }),
    (request: Request, response: Response, next: NextFunction) => {
      if (depthOf(request.body) > MAX_BODY_DEPTH) return sendProblem(TOO_DEEP(), request, response);
      next();
    },
    (error: unknown, request: Request, response: Response, next: NextFunction) => {
      const type = (error as { type?: unknown }).type;
      const problem = typeof type === 'string' ? PARSER_PROBLEMS[type] : undefined;
      if (!problem) return next(error);
      sendProblem(problem(), request, response);
    },
  ];
}
