// A shop's picture (or its initial until the picture arrives, or when it has none). Pictures are
// kept in IndexedDB by SHA-256 like chat photos, so a shop looks the same offline.
import { h, clear } from '../dom.js';
import { shopApi } from '../shopApi.js';
import { blobs } from '../store.js';

const urls = new Map(); // sha256 → object URL, one per picture for the page's life

export function shopPicture(channel, className = 'avatar', id = null) {
  const box = h('span', { class: `${className} shop-picture`, id, 'aria-hidden': 'true' }, channel.name.slice(0, 1));
  if (channel.picture) {
    pictureUrl(channel).then((url) => {
      clear(box).append(h('img', { src: url, alt: '', 'data-sha256': channel.picture }));
    }, () => { /* no picture reachable: the initial stays */ });
  }
  return box;
}

async function pictureUrl(channel) {
  const sha = channel.picture;
  if (!urls.has(sha)) {
    urls.set(sha, (async () => {
      let blob = await blobs.get(sha).catch(() => null);
      if (!blob) {
        blob = await shopApi.picture(channel.id);
        await blobs.put(sha, blob).catch(() => {});
      }
      return URL.createObjectURL(blob);
    })().catch((e) => { urls.delete(sha); throw e; }));
  }
  return urls.get(sha);
}
