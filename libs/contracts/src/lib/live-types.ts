/**
 * Server-sent events: each says only that something changed, so that the screen fetches it again through the API it
 * already uses (one source of truth, and the rights of that API still apply).
 */

/** On the staff stream `GET /api/live/desk`: today's cases changed, or the outages recorded. */
export const DESK_LIVE_TOPICS = ['cases', 'outages'] as const;
export type DeskLiveTopic = (typeof DESK_LIVE_TOPICS)[number];

/** On the public stream `GET /api/public/live`: the congestion page's numbers changed. No personal data, ever. */
export const PUBLIC_LIVE_TOPICS = ['congestion'] as const;
export type PublicLiveTopic = (typeof PUBLIC_LIVE_TOPICS)[number];

/** The first event of every stream, so that a screen knows it is connected and fetches what it missed. */
export const LIVE_READY = 'ready';
/** Sent every `LIVE_HEARTBEAT_MS` so that proxies keep a quiet stream open; screens ignore it. */
export const LIVE_PING = 'ping';
export const LIVE_HEARTBEAT_MS = 25_000;

/** The data of every live event: what changed and when the server knew (UTC ISO). */
export interface LiveSignal {
  at: string;
}
