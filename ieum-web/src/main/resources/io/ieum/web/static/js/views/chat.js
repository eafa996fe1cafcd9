// One room: live messages, "not yet read by N", reply, delete for everyone, photos and files,
// older history on scroll, and the state of each of my messages (sending / sent / failed — retry).
import { h, clear, formatTime } from '../dom.js';
import { t, language } from '../i18n.js';
import { api, NetworkError } from '../api.js';
import { on } from '../events.js';
import { entries as entryStore, details, rooms } from '../store.js';
import { ingest, readMoved, refreshDetails, roomTitle, scheduleRoomsRefresh } from '../data.js';
import { enqueue, pending as pendingFor, retry } from '../outbox.js';
import { me } from '../session.js';
import { attachmentView, pendingFileView, isImage } from './attachments.js';
import { splitNames } from './group.js';
import { errorText } from './forms.js';
import { noticeText } from './notices.js';
import { shopPicture } from './shopPicture.js';
import { savedShop, fetchShop } from '../roomShops.js';

const PAGE = 30;

export function render(root, { params }) {
  const roomId = params[0];
  const mine = me();
  const state = { entries: new Map(), pending: new Map(), detail: null, summary: null, hasMore: true,
    replyTo: null, files: [], markedUpTo: null, loadingOlder: false };

  const title = h('h1', { id: 'room-title' }, '…');
  const shopBadge = h('span', { class: 'shop-badge', id: 'room-shop' }); // a shop conversation shows the shop's picture
  const subtitle = h('span', { class: 'subtitle', id: 'room-members' });
  const list = h('ol', { id: 'messages', class: 'messages', 'aria-live': 'polite', 'aria-relevant': 'additions',
    'aria-label': t('chat.input') });
  const older = h('button', { type: 'button', id: 'load-older', class: 'link', onclick: () => loadOlder() }, t('chat.older'));
  const scroller = h('div', { class: 'scroller', id: 'scroller' }, older, list);
  const replyBanner = h('div', { class: 'reply-banner', id: 'reply-banner', hidden: true });
  const previewBox = h('div', { class: 'compose-preview', id: 'compose-preview', hidden: true, 'aria-label': t('chat.preview') });
  const fileInput = h('input', { type: 'file', id: 'file-input', class: 'sr-only', multiple: true,
    'aria-label': t('chat.attach'), onchange: () => { state.files = [...fileInput.files]; drawPreview(); } });
  const input = h('textarea', { id: 'message-input', rows: 1, 'aria-label': t('chat.input'), placeholder: t('chat.input'),
    maxlength: 10000, onkeydown: (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); } } });
  const form = h('form', { class: 'compose', onsubmit: (e) => { e.preventDefault(); submit(); } },
    h('label', { class: 'attach button', for: 'file-input', title: t('chat.attach') }, h('span', { 'aria-hidden': 'true' }, '+'),
      h('span', { class: 'sr-only' }, t('chat.attach'))), fileInput, input,
    h('button', { type: 'submit', id: 'send', class: 'primary' }, t('chat.send')));
  const inviteInput = h('input', { id: 'invite-input', type: 'text', 'aria-label': t('chat.inviteWho'), placeholder: t('chat.inviteWho') });
  const inviteForm = h('form', { class: 'invite', id: 'invite-form', hidden: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      state.detail = await api.invite(roomId, splitNames(inviteInput.value));
      await details.put(state.detail);
      inviteInput.value = '';
      inviteForm.hidden = true;
      drawHeader();
      draw();
    } catch (err) { alertBox.textContent = errorText(err); }
  } }, inviteInput, h('button', { type: 'submit', id: 'invite-send' }, t('chat.invite')));
  const alertBox = h('p', { class: 'error', role: 'alert' });

  root.append(
    h('div', { class: 'bar chat-bar' },
      h('a', { href: '#/rooms', class: 'back', 'aria-label': t('chat.back') }, '‹'), shopBadge,
      h('div', { class: 'titles' }, title, subtitle),
      h('button', { type: 'button', id: 'invite', onclick: () => { inviteForm.hidden = !inviteForm.hidden; inviteInput.focus(); } }, t('chat.invite')),
      h('button', { type: 'button', id: 'leave', onclick: leave }, t('chat.leave'))),
    inviteForm, alertBox, scroller, replyBanner, previewBox, form);

  scroller.addEventListener('scroll', () => { if (scroller.scrollTop < 40) loadOlder(); });

  // Names of everyone seen in this room, kept after they leave: "Joon left" must still say who.
  const names = new Map();

  function nameOf(userId) {
    if (state.detail) state.detail.members.forEach((x) => names.set(x.user.id, x.user.displayName || x.user.username));
    if (names.has(userId)) return names.get(userId);
    return mine && userId === mine.id ? (mine.displayName || mine.username) : '…';
  }

  /** Members other than the sender whose read position is before the entry. */
  function unreadBy(entry) {
    if (!state.detail) return typeof entry.unreadBy === 'number' ? entry.unreadBy : 0;
    return state.detail.members.filter((m) => m.user.id !== entry.sender && (!m.readUpTo || m.readUpTo < entry.id)).length;
  }

  function drawHeader() {
    const kind = (state.detail && state.detail.kind) || (state.summary && state.summary.kind);
    if (!state.shop && kind === 'CHANNEL') showShop();
    title.textContent = state.shop ? state.shop.name : roomTitle(state.summary, state.detail);
    subtitle.textContent = state.detail ? t('chat.members', { n: state.detail.members.length }) : '';
  }

  /**
   * The shop this conversation is with: its picture and name in the header, a link to its page;
   * the saved copy first (so it shows offline), then what a site says.
   */
  function showShop() {
    state.shop = { pending: true, name: roomTitle(state.summary, state.detail) };
    let fresh = false;
    savedShop(roomId).then((saved) => { if (saved && !fresh) applyShop(saved); });
    fetchShop(roomId).then((shop) => { fresh = true; applyShop(shop); },
      () => { if (state.shop && state.shop.pending) state.shop = null; });
  }

  function applyShop({ channel, zone }) {
    const picture = !state.shop || state.shop.picture !== channel.picture || state.shop.name !== channel.name;
    state.shop = channel;
    if (picture) clear(shopBadge).append(h('a', { href: `#/channel/${channel.id}`, 'aria-label': channel.name }, shopPicture(channel)));
    drawHeader();
    // Booking notices then tell the time in the shop's zone, as the shop's pages do.
    if (zone && zone !== state.zone) {
      state.zone = zone;
      draw();
    }
  }

  function messageView(e, item) {
    const sender = item ? mine.id : e.sender;
    const isMine = mine && sender === mine.id;
    const id = item ? item.id : e.id;
    const li = h('li', { class: `msg${isMine ? ' mine' : ''}`, 'data-id': id });
    if (e && e.kind !== 'MESSAGE') {
      li.className = 'event';
      const key = { ROOM_CREATED: 'event.created', MEMBER_JOINED: 'event.joined', MEMBER_LEFT: 'event.left', MEMBER_REMOVED: 'event.removed' }[e.kind];
      // Member events name the member in `target`; `sender` is who acted (the inviter, the owner).
      li.textContent = key ? t(key, { name: nameOf(e.kind.startsWith('MEMBER_') && e.target ? e.target : e.sender) }) : noticeText(e, state.zone);
      if (!key) li.classList.add('notice');
      return li;
    }
    const data = item || e;
    if (!isMine) li.append(h('span', { class: 'sender' }, nameOf(sender)));
    if (data.replyTo) {
      const original = state.entries.get(data.replyTo);
      li.append(h('a', { class: 'quote', href: `#/room/${roomId}`, onclick: (ev) => { ev.preventDefault(); focusMessage(data.replyTo); } },
        original ? `${nameOf(original.sender)}: ${original.deleted ? t('chat.deleted') : (original.text || t('rooms.photo'))}` : t('chat.original')));
    }
    const bubble = h('div', { class: 'bubble' });
    if (e && e.deleted) {
      bubble.classList.add('deleted');
      bubble.textContent = t('chat.deleted');
    } else {
      (item ? item.files.map(pendingFileView) : (e.attachments || []).map((a) => attachmentView(roomId, a))).forEach((x) => bubble.append(x));
      if (data.text) bubble.append(h('p', { class: 'text' }, data.text));
    }
    li.append(bubble);
    const meta = h('div', { class: 'meta' });
    if (item) {
      li.dataset.state = item.state;
      meta.append(h('span', { class: 'state' }, t(`chat.state.${item.state}`)));
      if (item.state === 'failed') {
        // The server's own words (localized, naming the problem): why this message was refused.
        if (item.error) meta.append(h('span', { class: 'why', role: 'alert' }, item.error));
        meta.append(h('button', { type: 'button', class: 'retry link', onclick: () => retry(item.id) }, t('chat.retry')));
      }
    } else {
      if (isMine) li.dataset.state = 'sent';
      const n = e.deleted ? 0 : unreadBy(e);
      if (n > 0) meta.append(h('span', { class: 'unread', 'data-unread': String(n), title: t('chat.unreadByLabel', { n }), 'aria-label': t('chat.unreadByLabel', { n }) }, t('chat.unreadBy', { n })));
      if (isMine) meta.append(h('span', { class: 'state sr-only' }, t('chat.state.sent')));
      meta.append(h('time', { datetime: e.createdAt }, formatTime(e.createdAt, language())));
    }
    li.append(meta);
    if (e && !e.deleted) {
      const actions = h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'reply link', onclick: () => startReply(e) }, t('chat.reply')));
      if (isMine) actions.append(h('button', { type: 'button', class: 'delete link', onclick: () => remove(e) }, t('chat.delete')));
      li.append(actions);
    }
    return li;
  }

  // Messages already on screen are kept and rebuilt only when what they show changed, and draws
  // asked for in the same turn are done once: a busy room stays cheap however long it gets.
  const views = new Map();
  let drawQueued = false;
  let drawKeepBottom = false;

  function signature(e, item) {
    if (item) return `out|${item.state}|${item.error || ''}`;
    const original = e.replyTo ? state.entries.get(e.replyTo) : null;
    return [e.kind, e.deleted, e.deleted ? 0 : unreadBy(e), e.kind === 'BOOKING_UPDATE' ? state.zone : '', nameOf(e.sender), e.target ? nameOf(e.target) : '',
      original ? `${nameOf(original.sender)}${original.deleted}` : '-'].join('|');
  }

  function draw({ keepBottom = false } = {}) {
    drawKeepBottom = drawKeepBottom || keepBottom;
    if (drawQueued) return;
    drawQueued = true;
    setTimeout(drawNow, 0);
  }

  function drawNow() {
    drawQueued = false;
    const keepBottom = drawKeepBottom;
    drawKeepBottom = false;
    const nearBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    const shown = [...state.entries.values()].filter((e) => e.kind !== 'DELETION').map((e) => [e.id, e, null]);
    state.pending.forEach((item, id) => { if (!state.entries.has(id)) shown.push([id, null, item]); });
    shown.sort((a, b) => a[0].localeCompare(b[0]));
    const nodes = shown.map(([id, e, item]) => {
      const sig = signature(e, item);
      const known = views.get(id);
      if (known && known.sig === sig) return known.li;
      const li = messageView(e, item);
      views.set(id, { sig, li });
      return li;
    });
    if (views.size > nodes.length) {
      const ids = new Set(shown.map(([id]) => id));
      [...views.keys()].filter((id) => !ids.has(id)).forEach((id) => views.delete(id));
    }
    const current = list.children;
    if (current.length !== nodes.length || nodes.some((li, i) => current[i] !== li)) list.replaceChildren(...nodes);
    older.textContent = state.hasMore ? t('chat.older') : t('chat.noMore');
    older.disabled = !state.hasMore;
    if (nearBottom || keepBottom) scroller.scrollTop = scroller.scrollHeight;
    else scroller.scrollTop = scroller.scrollHeight - fromBottom;
    markRead();
  }

  function focusMessage(id) {
    const el = list.querySelector(`[data-id="${id}"]`);
    if (el) { el.setAttribute('tabindex', '-1'); el.focus(); }
  }

  async function markRead() {
    if (document.visibilityState !== 'visible' || !mine) return;
    const newest = [...state.entries.keys()].sort().pop();
    const myPosition = state.detail && (state.detail.members.find((m) => m.user.id === mine.id) || {}).readUpTo;
    if (!newest || (state.markedUpTo && newest <= state.markedUpTo) || (myPosition && newest <= myPosition)) return;
    state.markedUpTo = newest;
    try {
      await api.read(roomId, newest);
      await readMoved(roomId, mine.id, newest);
      const summary = await rooms.get(roomId);
      if (summary && summary.unread) await rooms.put({ ...summary, unread: 0 });
    } catch {
      state.markedUpTo = null; // try again when the next entry arrives or the page is shown
    }
  }

  function setEntries(list2) {
    list2.filter((e) => e.roomId === roomId).forEach((e) => {
      state.entries.set(e.id, e);
      state.pending.delete(e.id);
    });
  }

  async function load() {
    state.summary = await rooms.get(roomId);
    state.detail = await details.get(roomId);
    setEntries(await entryStore.recent(roomId, 50));
    (await pendingFor(roomId)).forEach((m) => state.pending.set(m.id, m));
    drawHeader();
    draw({ keepBottom: true });
    try {
      state.detail = await refreshDetails(roomId);
      drawHeader();
      const page = await api.messages(roomId, null, PAGE);
      await ingest(page.entries, { live: false });
      if (state.entries.size <= page.entries.length) state.hasMore = page.hasMore;
      setEntries(page.entries);
      draw({ keepBottom: true });
    } catch (e) {
      if (!(e instanceof NetworkError)) alertBox.textContent = errorText(e);
    }
  }

  async function loadOlder() {
    if (state.loadingOlder || !state.hasMore) return;
    const oldest = [...state.entries.keys()].sort()[0];
    if (!oldest) return;
    state.loadingOlder = true;
    try {
      let page;
      try {
        page = await api.messages(roomId, oldest, PAGE);
        await ingest(page.entries, { live: false });
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        const local = await entryStore.recent(roomId, PAGE, oldest);
        page = { entries: local, hasMore: local.length === PAGE };
      }
      state.hasMore = page.hasMore;
      setEntries(page.entries);
      draw();
    } catch (e) {
      alertBox.textContent = errorText(e);
    } finally {
      state.loadingOlder = false;
    }
  }

  function startReply(e) {
    state.replyTo = e.id;
    clear(replyBanner).append(h('span', {}, t('chat.replyingTo', { name: nameOf(e.sender) }), ': ', e.text || t('rooms.photo')),
      h('button', { type: 'button', class: 'link', id: 'cancel-reply', onclick: () => { state.replyTo = null; replyBanner.hidden = true; } }, t('chat.cancel')));
    replyBanner.hidden = false;
    input.focus();
  }

  function drawPreview() {
    clear(previewBox);
    previewBox.hidden = !state.files.length;
    state.files.forEach((f) => previewBox.append(isImage(f.type)
      ? h('img', { class: 'photo', alt: f.name, src: URL.createObjectURL(f) }) : h('span', { class: 'file' }, f.name)));
    if (state.files.length) {
      previewBox.append(h('button', { type: 'button', class: 'link', onclick: () => { state.files = []; fileInput.value = ''; drawPreview(); } }, t('chat.cancel')));
    }
  }

  async function submit() {
    const text = input.value.trim();
    if (!text && !state.files.length) return;
    const files = state.files;
    const replyTo = state.replyTo;
    input.value = '';
    state.files = [];
    fileInput.value = '';
    state.replyTo = null;
    replyBanner.hidden = true;
    drawPreview();
    await enqueue(roomId, text, { replyTo, files });
    input.focus();
  }

  async function remove(e) {
    try {
      const deleted = await api.remove(roomId, e.id);
      await ingest([deleted], { live: false });
    } catch (err) {
      alertBox.textContent = errorText(err);
    }
  }

  async function leave() {
    try {
      await api.leave(roomId);
      await Promise.all([rooms.remove(roomId), details.remove(roomId), entryStore.removeRoom(roomId)]);
      scheduleRoomsRefresh();
      location.hash = '#/rooms';
    } catch (err) {
      alertBox.textContent = errorText(err);
    }
  }

  const stops = [
    on('entries', ({ entries: list2, deleted }) => {
      let changed = false;
      list2.forEach((e) => { if (e.roomId === roomId) changed = true; });
      deleted.forEach((id) => { const e = state.entries.get(id); if (e) { state.entries.set(id, { ...e, deleted: true }); changed = true; } });
      if (changed) { setEntries(list2); draw(); }
    }),
    on('outbox', (item) => { if (item.roomId === roomId) { state.pending.set(item.id, item); draw({ keepBottom: true }); } }),
    on('renamed', ({ from, item }) => { if (item.roomId === roomId) { state.pending.delete(from); state.pending.set(item.id, item); draw(); } }),
    on('sent', ({ id, entry }) => { if (entry.roomId === roomId) { state.pending.delete(id); state.entries.set(entry.id, entry); draw(); } }),
    on('read', async ({ roomId: r }) => { if (r === roomId) { state.detail = (await details.get(roomId)) || state.detail; draw(); } }),
    on('details', (room) => { if (room.id === roomId) { state.detail = room; drawHeader(); draw(); } }),
  ];
  const onVisible = () => markRead();
  document.addEventListener('visibilitychange', onVisible);
  load();
  input.focus();
  return () => { stops.forEach((s) => s()); document.removeEventListener('visibilitychange', onVisible); };
}
