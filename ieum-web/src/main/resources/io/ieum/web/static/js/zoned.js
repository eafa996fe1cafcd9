// Booking times in the shop's own time zone (the calendar's `zone`), never silently in the
// browser's: a customer abroad books a real 10:00 at the shop, and sees it as that, labelled.
import { language } from './i18n.js';

const formats = new Map();

function parts(ms, zone) {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, hh: +p.hour, mm: +p.minute, ss: +p.second };
}

const pad = (n) => String(n).padStart(2, '0');

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offset(ms, zone) {
  const p = parts(ms, zone);
  return Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss) - Math.floor(ms / 1000) * 1000;
}

/** The instant (ISO) at which the zone's wall clock shows `date` (yyyy-mm-dd) and `time` (HH:MM). */
export function instantAt(date, time, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = (time || '00:00').split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two rounds settle the offset across a daylight-saving change.
  let ms = wall - offset(wall, zone);
  ms = wall - offset(ms, zone);
  return new Date(ms).toISOString();
}

/** The zone's date (yyyy-mm-dd) at an instant. */
export function dateIn(iso, zone) {
  const p = parts(Date.parse(iso), zone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The zone's wall-clock time (HH:MM) at an instant. */
export function timeIn(iso, zone) {
  const p = parts(Date.parse(iso), zone);
  return `${pad(p.hh)}:${pad(p.mm)}`;
}

/** The zone's date and time as a `datetime-local` value. */
export function dateTimeIn(iso, zone) {
  return `${dateIn(iso, zone)}T${timeIn(iso, zone)}`;
}

/** The browser's own zone. */
export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Dec 1, 10:00" in the zone, for the page's language. */
export function whenIn(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language(), { timeZone: zone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
