// REST calls of the business channels (docs/protocol.md, "Business channels"): shops, catalogue,
// orders, bookings. Orders and bookings carry client-made UUIDv7 IDs, so a retry never doubles them.
import { request } from './api.js';

const enc = encodeURIComponent;
const base = (id) => `/api/channels/${enc(id)}`;

export const shopApi = {
  search: (q) => request('GET', `/api/channels?limit=20&q=${enc(q)}`),
  mine: () => request('GET', '/api/channels/mine'),
  create: (fields) => request('POST', '/api/channels', { body: fields }),
  channel: (id) => request('GET', base(id)),
  picture: (id) => request('GET', `${base(id)}/picture`, { blob: true }),
  ofRoom: (roomId) => request('GET', `/api/rooms/${enc(roomId)}/channel`),
  follow: (id, on) => request(on ? 'PUT' : 'DELETE', `${base(id)}/follow`),
  conversation: (id) => request('POST', `${base(id)}/conversation`),
  staff: (id) => request('GET', `${base(id)}/staff`),
  addStaff: (id, username) => request('PUT', `${base(id)}/staff/${enc(username)}`),
  addItem: (id, item) => request('POST', `${base(id)}/items`, { body: item }),
  updateItem: (id, itemId, item) => request('PUT', `${base(id)}/items/${enc(itemId)}`, { body: item }),
  inbox: (id) => request('GET', `${base(id)}/inbox`),
  announce: (id, text) => request('POST', `${base(id)}/announcements`, { body: { text } }),
  order: (id, order) => request('POST', `${base(id)}/orders`, { body: order }),
  /** One page of the board (newest first): `{orders, next}`; pass `next` as `before` for older ones. */
  orders: (id, query = '', before = null) => request('GET', `${base(id)}/orders?limit=200${query}${before ? `&before=${enc(before)}` : ''}`),
  ordersCsv: (id, query = '') => request('GET', `${base(id)}/orders.csv?limit=10000${query}`, { blob: true }),
  myOrders: () => request('GET', '/api/me/orders?limit=50'),
  calendar: (id) => request('GET', `${base(id)}/calendar`),
  setCalendar: (id, calendar) => request('PUT', `${base(id)}/calendar`, { body: calendar }),
  slots: (id, serviceId, date) => request('GET', `${base(id)}/slots?serviceId=${enc(serviceId)}&date=${enc(date)}`),
  book: (id, booking) => request('POST', `${base(id)}/bookings`, { body: booking }),
  bookings: (id, from, to) => request('GET', `${base(id)}/bookings?from=${enc(from)}&to=${enc(to)}`),
  myBookings: () => request('GET', '/api/me/bookings?limit=50'),
  /** A change of an order (`status`) or a booking (`confirm`, `cancel`, `reschedule`); `path` from {@link changePath}. */
  change: (path, body) => request('POST', path, { body }),
};

export function changePath(change) {
  return change.kind === 'order'
    ? `${base(change.channelId)}/orders/${enc(change.targetId)}/status`
    : `${base(change.channelId)}/bookings/${enc(change.targetId)}/${change.action}`;
}
