// The statistics routes as the dashboard reads them, timed against a running built server: each route cold (its first
// request) and warm (median of repeats), for the whole programme and for one month; the dashboard's requests fired
// together as its page does on load; and the server's resident memory at rest.
import { readFileSync } from 'node:fs';

export const STATS_ROUTES = ['summary', 'daily', 'funnel', 'heatmap', 'staff', 'outages'];

/** The dashboard's "programme" preset: applications opened 2020-07-01, the deadline was 2021-12-31. */
export const PROGRAMME = { from: '2020-07-01', to: '2021-12-31' };
export const ONE_MONTH = { from: '2021-03-01', to: '2021-03-31' };

export const STATS_TARGETS = {
  programmeWarmMs: 100,
  programmeColdMs: 1000,
  monthWarmMs: 20,
  dashboardMs: 300,
  restRssMb: 200,
};

const query = (range) => `from=${range.from}&to=${range.to}`;

/**
 * What the dashboard page asks for when it opens on a range: its six panels, the staff list of the filter bar (the
 * staff route again, over the range alone) and the filter bar's sites and payment services.
 */
export const dashboardRequests = (range) => [
  ...STATS_ROUTES.map((route) => `/api/stats/${route}?${query(range)}`),
  `/api/stats/staff?${query(range)}`,
  '/api/sites',
  '/api/payment-services/all',
];

/** Signs in with a demo account and returns the bearer token. */
export async function signIn(baseUrl, username = 'manager', password = 'madoguchi-demo') {
  const answer = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!answer.ok) throw new Error(`sign-in as ${username} failed: ${answer.status}`);
  const { token } = await answer.json();
  return token;
}

/** One request read to its end, in milliseconds; anything but 200 fails the benchmark. */
async function timed(baseUrl, token, path) {
  const started = performance.now();
  const answer = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await answer.arrayBuffer();
  const ms = performance.now() - started;
  if (answer.status !== 200) {
    throw new Error(`GET ${path} answered ${answer.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => Math.round(ms * 10) / 10;

/** Resident memory of a process in MB (VmRSS), as the kernel counts it. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return Math.round(kb / 1024);
}

/** Every route once cold, then `repeats` times warm; the cold figure is only cold if nothing asked for it before. */
async function timeRoutes(baseUrl, token, range, repeats) {
  const rows = [];
  for (const route of STATS_ROUTES) {
    const path = `/api/stats/${route}?${query(range)}`;
    const cold = await timed(baseUrl, token, path);
    const warm = [];
    for (let i = 0; i < repeats; i++) warm.push(await timed(baseUrl, token, path));
    rows.push({ route, coldMs: round(cold), warmMs: round(median(warm)) });
  }
  return rows;
}

/** The dashboard's requests sent at once, timed until the last has answered; the median of `repeats` such loads. */
async function timeDashboard(baseUrl, token, range, repeats) {
  const loads = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await Promise.all(dashboardRequests(range).map((path) => timed(baseUrl, token, path)));
    loads.push(performance.now() - started);
  }
  return { requests: dashboardRequests(range).length, ms: round(median(loads)), firstMs: round(loads[0]) };
}

/**
 * Times the statistics of a running built server with the demo accounts. `pid` is the server's process, read for its
 * resident memory at rest: after `settleMs` without a request, before the statistics are asked for, and again after.
 */
export async function runStatsTimings({ baseUrl, pid, repeats = 5, settleMs = 3000, token } = {}) {
  await new Promise((done) => setTimeout(done, settleMs));
  const restRssMb = rssMb(pid);
  const bearer = token ?? (await signIn(baseUrl));
  const programme = await timeRoutes(baseUrl, bearer, PROGRAMME, repeats);
  const month = await timeRoutes(baseUrl, bearer, ONE_MONTH, repeats);
  const dashboard = await timeDashboard(baseUrl, bearer, PROGRAMME, Math.max(1, Math.min(repeats, 3)));
  await new Promise((done) => setTimeout(done, settleMs));
  const afterRssMb = rssMb(pid);
  const t = STATS_TARGETS;
  const met = {
    programmeWarm: programme.every((r) => r.warmMs <= t.programmeWarmMs),
    programmeCold: programme.every((r) => r.coldMs <= t.programmeColdMs),
    monthWarm: month.every((r) => r.warmMs <= t.monthWarmMs),
    dashboard: dashboard.ms <= t.dashboardMs,
    restRss: restRssMb <= t.restRssMb,
  };
  return {
    ranges: { programme: PROGRAMME, month: ONE_MONTH },
    repeats,
    programme,
    month,
    dashboard,
    restRssMb,
    afterRssMb,
    targets: t,
    met,
  };
}
