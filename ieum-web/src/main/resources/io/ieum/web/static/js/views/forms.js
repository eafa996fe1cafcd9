// Labelled inputs and error text shared by the forms.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { NetworkError } from '../api.js';

export function field(id, labelText, attrs = {}) {
  const input = h('input', { id, name: id, type: 'text', ...attrs });
  const label = h('label', { class: 'field', for: id }, h('span', {}, labelText), input);
  return { label, input };
}

export function errorText(err) {
  if (err instanceof NetworkError) return t('error.network');
  return (err && err.message) || t('error.generic');
}

/** Saves a Blob as a file through a temporary link. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
