// Where the app is connected: "Connected to site 1", "Site 2 — site 1 unreachable", or offline.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { on } from '../events.js';
import { status } from '../sites.js';

let stopListening = () => {};

export function statusBar() {
  const el = h('p', { id: 'site-status', role: 'status', 'aria-live': 'polite' });
  const show = (s) => {
    el.dataset.state = s.state;
    el.dataset.site = String(s.site);
    if (s.state === 'connected') {
      el.textContent = s.lost.length ? t('status.failedOver', { site: s.site, lost: s.lost.join(', ') }) : t('status.connected', { site: s.site });
    } else {
      el.textContent = s.state === 'offline' ? t('status.offline') : t('status.connecting');
    }
  };
  stopListening();
  stopListening = on('site', show);
  show(status());
  return el;
}
