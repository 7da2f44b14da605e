import { TestBed } from '@angular/core/testing';
import { LiveEvents } from './live-events';

/** The browser's EventSource as far as LiveEvents uses it; jsdom has none. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The server sends an event. */
  emit(type: string): void {
    if (type === 'ready') this.readyState = FakeEventSource.OPEN;
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
  /** The connection drops (the browser will reconnect) or is refused (it will not). */
  fail(refused: boolean): void {
    this.readyState = refused ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

/** The stream the service opened as its `index`-th. */
function opened(index: number): FakeEventSource {
  const source = FakeEventSource.opened[index];
  if (!source) throw new Error(`stream ${index + 1} was never opened`);
  return source;
}

describe('LiveEvents', () => {
  let live: LiveEvents;

  beforeEach(() => {
    jest.useFakeTimers();
    FakeEventSource.opened = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
    live = TestBed.inject(LiveEvents);
  });
  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  it('asks at once, again on connecting and on each of its topics, and not on other topics', () => {
    let asked = 0;
    const subscription = live.refreshes('/api/live/desk', ['cases'], 20_000).subscribe(() => asked++);
    expect(asked).toBe(1);
    const source = opened(0);
    expect(source.url).toBe('/api/live/desk');
    source.emit('ready');
    expect(asked).toBe(2);
    source.emit('cases');
    source.emit('outages');
    expect(asked).toBe(3);
    subscription.unsubscribe();
    expect(source.closed).toBe(true);
  });

  it('shares one stream between the parts of a screen', () => {
    const board = live.refreshes('/api/live/desk', ['cases'], 20_000).subscribe();
    const banner = live.refreshes('/api/live/desk', ['outages'], 60_000).subscribe();
    expect(FakeEventSource.opened).toHaveLength(1);
    board.unsubscribe();
    expect(opened(0).closed).toBe(false);
    banner.unsubscribe();
    expect(opened(0).closed).toBe(true);
  });

  it('polls only while the stream is down, and says whether it is open', () => {
    let asked = 0;
    const subscription = live.refreshes('/api/live/desk', ['cases'], 20_000).subscribe(() => asked++);
    const open = live.isOpen('/api/live/desk');
    const source = opened(0);
    source.emit('ready');
    expect(open()).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(asked).toBe(2);

    source.fail(false);
    expect(open()).toBe(false);
    jest.advanceTimersByTime(40_000);
    expect(asked).toBe(4);
    source.emit('ready');
    expect(asked).toBe(5);
    jest.advanceTimersByTime(60_000);
    expect(asked).toBe(5);
    subscription.unsubscribe();
  });

  it('keeps polling with the stream open when asked to, for what changes with the clock', () => {
    let asked = 0;
    const subscription = live.refreshes('/api/live/desk', ['outages'], 60_000, true).subscribe(() => asked++);
    opened(0).emit('ready');
    jest.advanceTimersByTime(120_000);
    expect(asked).toBe(4);
    subscription.unsubscribe();
  });

  it('opens a new stream some seconds after the server refused one', () => {
    const subscription = live.refreshes('/api/public/live', ['congestion'], 60_000).subscribe();
    opened(0).fail(true);
    expect(opened(0).closed).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(opened(1).url).toBe('/api/public/live');
    subscription.unsubscribe();
  });
});
