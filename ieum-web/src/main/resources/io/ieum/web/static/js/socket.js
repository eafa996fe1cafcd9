// The live connection: finds a site that answers, authenticates on /ws, catches up from the cursor,
// sends the outbox, then applies pushed entries and read positions. When the socket drops it starts
// over — on the same site if it still answers, otherwise on the next one (failover). A `sync` frame
// from the server (it may have missed events meant for us, ADR 0006) catches up again on the same socket.
import * as sites from './sites.js';
import { api, NetworkError } from './api.js';
import { ingest, catchUp, readMoved, refreshRooms } from './data.js';
import { flush } from './outbox.js';
import { setServerTime } from './uuid.js';
import { kv } from './store.js';
import { on, emit } from './events.js';

const RETRY_MS = [500, 1000, 2000, 3000];
const PING_MS = 25_000;
let running = false;
let socket = null;
let wake = null;
let token = null;
// One catch-up at a time: one asked for while another runs is done once more after it, however
// many were asked for (the server may nudge several times in a row; never a storm of syncs).
let catching = null;
let catchAgain = false;

export function start(sessionToken) {
  token = sessionToken;
  if (running) return;
  running = true;
  loop();
}

export function stop() {
  running = false;
  if (socket) socket.close(1000);
  if (wake) wake();
}

/** Something failed to reach the site: check it now instead of waiting for the socket to notice. */
export function kick() {
  if (socket && socket.readyState <= 1) {
    socket.close(4000);
  } else if (wake) {
    wake();
  }
}

on('network-error', () => kick());

async function loop() {
  let failures = 0;
  while (running) {
    sites.setConnected(false);
    const found = await sites.choose();
    if (found && running) {
      const wasReady = await session();
      failures = wasReady ? 0 : failures + 1;
    } else {
      failures += 1;
    }
    if (!running) break;
    await pause(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
  }
  sites.setConnected(false);
}

function pause(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); wake = null; resolve(); }
    wake = done;
  });
}

/** One socket's life; resolves when it closes, with whether it got as far as `ready`. */
function session() {
  return new Promise((resolve) => {
    let ready = false;
    let ping = null;
    const ws = new WebSocket(sites.wsUrl());
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (ev) => {
      let frame;
      try { frame = JSON.parse(ev.data); } catch { return; }
      if (frame.type === 'ready') {
        ready = true;
        kv.set('offset', setServerTime(frame.serverTime));
        ping = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), PING_MS);
        onReady(ws, frame);
      } else if (frame.type === 'entry') {
        ingest([frame.entry]);
      } else if (frame.type === 'read') {
        readMoved(frame.roomId, frame.userId, frame.upTo);
      } else if (frame.type === 'sync' && ready) {
        // Before `ready` there is nothing to do: onReady catches up anyway. Other fields are ignored.
        catchUpOnce().catch((e) => {
          if (!(e instanceof NetworkError)) console.warn('catch-up after a sync nudge failed', e);
        });
      }
    };
    ws.onclose = (ev) => {
      clearInterval(ping);
      if (socket === ws) socket = null;
      sites.setConnected(false);
      if (ev.code === 4401) {
        running = false;
        emit('unauthenticated');
      }
      resolve(ready);
    };
  });
}

async function onReady(ws, frame) {
  sites.setConnected(true);
  emit('ready', frame);
  try {
    const list = await api.sites();
    await sites.update(list.sites);
    await catchUpOnce();
    await refreshRooms();
    await flush();
  } catch (e) {
    if (!(e instanceof NetworkError)) console.warn('catch-up failed', e);
    if (ws.readyState === 1) ws.close(4000);
  }
}

/** Catches up from the cursor, or — if a catch-up is running — once more right after it. */
function catchUpOnce() {
  if (catching) {
    catchAgain = true;
    return catching;
  }
  catching = (async () => {
    try {
      do {
        catchAgain = false;
        await catchUp();
      } while (catchAgain);
    } finally {
      catching = null;
    }
  })();
  return catching;
}
