// UUIDv7 message IDs (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits.
// The timestamp uses the server's clock (offset learned from `serverTime` in the `ready` frame),
// because the server accepts new IDs only within 60 s of its own clock.
let offsetMs = 0;

export function setServerTime(serverTimeIso, receivedAt = Date.now()) {
  const server = Date.parse(serverTimeIso);
  if (!Number.isNaN(server)) offsetMs = server - receivedAt;
  return offsetMs;
}

export function setOffset(ms) {
  offsetMs = Number(ms) || 0;
}

export function serverNow() {
  return Date.now() + offsetMs;
}

export function uuidv7(nowMs = serverNow()) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ts = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function uuidTime(id) {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
