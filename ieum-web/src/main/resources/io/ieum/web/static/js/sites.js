// The sites this client may use (GET /api/sites), which one it uses now and which stopped answering.
// Sites are numbered from 1 in the order the server lists them; the page's own origin is the default.
import { kv } from './store.js';
import { emit } from './events.js';

const PROBE_TIMEOUT_MS = 2000;
let list = [location.origin];
let current = 0;
const unreachable = new Set();
let connected = false;

export async function load() {
  const saved = await kv.get('sites');
  if (Array.isArray(saved) && saved.length) list = saved;
  const index = await kv.get('site');
  current = Number.isInteger(index) && index < list.length ? index : 0;
}

/** Adds the sites a server lists to the ones known; numbering stays stable (known sites keep their place). */
export async function update(sites) {
  if (!Array.isArray(sites) || !sites.length) return;
  const added = sites.map((s) => s.replace(/\/+$/, '')).filter((s) => !list.includes(s));
  if (!added.length) return;
  list = [...list, ...new Set(added)];
  await kv.set('sites', list);
  publish();
}

export function baseUrl() {
  return list[current] || location.origin;
}

export function wsUrl() {
  return baseUrl().replace(/^http/, 'ws') + '/ws';
}

/** Whether a site answers /health within the probe timeout. */
async function answers(url) {
  try {
    const res = await fetch(url + '/health', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Finds a site that answers, the current one first, then the others in order.
 * Returns false (and marks every site unreachable) when none does.
 */
export async function choose() {
  const order = [current, ...list.map((_, i) => i).filter((i) => i !== current)];
  for (const i of order) {
    if (await answers(list[i])) {
      unreachable.delete(i);
      if (i !== current) {
        current = i;
        await kv.set('site', current);
      }
      publish();
      return true;
    }
    unreachable.add(i);
  }
  connected = false;
  publish();
  return false;
}

export function setConnected(value) {
  connected = value;
  if (value) unreachable.delete(current);
  publish();
}

/** What the status bar shows: { state: 'connected'|'connecting'|'offline', site, lost: [numbers] }. */
export function status() {
  const lost = [...unreachable].filter((i) => i !== current).sort().map((i) => i + 1);
  if (connected) return { state: 'connected', site: current + 1, lost };
  if (unreachable.size >= list.length) return { state: 'offline', site: current + 1, lost };
  return { state: 'connecting', site: current + 1, lost };
}

function publish() {
  emit('site', status());
}
