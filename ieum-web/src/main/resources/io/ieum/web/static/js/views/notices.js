// Shop notices in a chat: the entries the server posts for order and booking changes and
// announcements (ADR 0010), as one line of text each.
import { t, language } from '../i18n.js';
import { whenIn } from '../zoned.js';

export function shortId(id) {
  return String(id || '').slice(-6);
}

export function statusText(kind, status) {
  return t(`${kind}.status.${status}`);
}

/** `zone`: the shop's time zone when known, so a booking's time is the shop's (labelled); else the browser's. */
export function noticeText(entry, zone = null) {
  const [id, status, start] = String(entry.target || '').split(':').length > 2
    ? splitBooking(entry.target) : String(entry.target || '').split(':');
  const reason = entry.text ? ` — ${entry.text}` : '';
  if (entry.kind === 'ORDER_UPDATE') return t('notice.order', { id: shortId(id), status: statusText('order', status) }) + reason;
  if (entry.kind === 'BOOKING_UPDATE') {
    return t('notice.booking', { id: shortId(id), status: statusText('booking', status), when: zone ? `${whenIn(start, zone)} (${zone})` : when(start) }) + reason;
  }
  if (entry.kind === 'ANNOUNCEMENT') return t('notice.announcement', { text: entry.text || '' });
  return '';
}

// `<bookingId>:<STATUS>:<start>`, where start (an ISO instant) has colons of its own.
function splitBooking(target) {
  const [id, status, ...rest] = target.split(':');
  return [id, status, rest.join(':')];
}

export function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language(), { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
