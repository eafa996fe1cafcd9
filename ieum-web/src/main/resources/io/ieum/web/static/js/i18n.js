// UI language: Korean or English, from the saved choice or navigator.language; text from i18n/*.js.
import en from './i18n/en.js';
import ko from './i18n/ko.js';

const catalogs = { en, ko };
export const LANGUAGES = ['ko', 'en'];
let current = 'en';

export function detect(saved) {
  if (saved && catalogs[saved]) return saved;
  const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (catalogs[base]) return base;
  }
  return 'en';
}

export function setLanguage(lang) {
  current = catalogs[lang] ? lang : 'en';
  document.documentElement.lang = current;
  document.title = t('app.name');
  return current;
}

export function language() {
  return current;
}

/** The text for `key` in the current language with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = catalogs[current][key] ?? catalogs.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}
