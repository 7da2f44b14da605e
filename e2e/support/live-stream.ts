/** One server-sent event as the browser's EventSource would see it. */
export interface StreamEvent {
  type: string;
  data: string;
}

export interface LiveStream {
  status: number;
  headers: Headers;
  /** Everything the server wrote so far, byte for byte as text. */
  raw: () => string;
  /** Resolves with the next event of `type` not taken yet (any type when omitted); rejects after `withinMs`. */
  next: (type?: string, withinMs?: number) => Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
}

/** Opens `path` as an event stream over fetch and parses what arrives, as a test's eye on the wire. */
export async function openStream(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  let raw = '';
  let buffer = '';
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buffer += text;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart());
          if (!data.length) continue;
          const type =
            lines
              .find((l) => l.startsWith('event:'))
              ?.slice(6)
              .trim() ?? 'message';
          events.push({ type, data: data.join('\n') });
        }
        wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      wake();
    }
  })();
  let taken = 0;
  const next = async (type?: string, withinMs = 5_000): Promise<StreamEvent> => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      // Nothing is awaited in this loop, so no event arrives while it walks the ones not yet taken.
      for (const event of events.slice(taken)) {
        taken++;
        if (!type || event.type === type) return event;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${type ?? 'any'}" event within ${withinMs} ms; got:\n${raw}`);
      let woken = false;
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((r) => waiters.push(() => ((woken = true), r()))),
        new Promise<void>((r) => (timeout = setTimeout(r, left))),
        ended.then(() => {
          if (!woken && taken >= events.length) {
            throw new Error(`stream ended without a "${type ?? 'any'}" event:\n${raw}`);
          }
        }),
      ]).finally(() => clearTimeout(timeout));
    }
  };
  return {
    status: response.status,
    headers: response.headers,
    raw: () => raw,
    next,
    ended,
    close: () => abort.abort(),
  };
}
