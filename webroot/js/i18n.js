// UI text by key, one message file per language in /i18n/. The language comes from ?lang=, then the
// remembered choice, then the browser's languages; <html lang dir> follow it.

export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr' },
  fr: { name: 'Français', dir: 'ltr' },
  es: { name: 'Español', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  zh: { name: '中文', dir: 'ltr' },
  ru: { name: 'Русский', dir: 'ltr' },
};
const DEFAULT_LANGUAGE = 'en';
const STORAGE_KEY = 'openfloor.lang';

let language = DEFAULT_LANGUAGE;
let messages = {};
let fallback = {};
const listeners = [];

export function currentLanguage() {
  return language;
}

/** Picks and loads the language, translates the page and wires every language switcher. */
export async function initI18n(root = document) {
  fallback = await load(DEFAULT_LANGUAGE);
  await use(chooseLanguage(), root);
  root.querySelectorAll('select[data-lang-switcher]').forEach(setUpSwitcher);
}

/** Calls back after every change of language (pages re-render what they drew themselves). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function chooseLanguage() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  let stored = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const candidates = [fromUrl, stored, ...(navigator.languages || [navigator.language])];
  for (const candidate of candidates) {
    const found = supported(candidate);
    if (found) {
      return found;
    }
  }
  return DEFAULT_LANGUAGE;
}

function supported(tag) {
  if (!tag) {
    return null;
  }
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return Object.prototype.hasOwnProperty.call(LANGUAGES, base) ? base : null;
}

async function use(chosen, root) {
  messages = chosen === DEFAULT_LANGUAGE ? fallback : await load(chosen).catch(() => fallback);
  language = messages === fallback ? DEFAULT_LANGUAGE : chosen;
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGES[language].dir;
  translate(root);
}

async function load(lang) {
  const response = await fetch(`/i18n/${lang}.json`);
  if (!response.ok) {
    throw new Error(`no messages for ${lang}`);
  }
  return response.json();
}

/** Fills [data-i18n] text (with [data-i18n-params] as JSON) and [data-i18n-attr="attr:key;attr:key"] attributes under root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n, element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : {});
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    element.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) {
        element.setAttribute(attribute, t(key));
      }
    });
  });
}

/** The message for key with {params} filled in; a {count} param picks the plural form. */
export function t(key, params = {}) {
  let message = lookup(messages, key, params) ?? lookup(fallback, key, params) ?? key;
  for (const [name, value] of Object.entries(params)) {
    message = message.split(`{${name}}`).join(typeof value === 'number' ? formatNumber(value) : String(value));
  }
  return message;
}

function lookup(table, key, params) {
  const entry = table[key];
  if (entry === undefined || entry === null) {
    return undefined;
  }
  if (typeof entry === 'object') {
    const category = new Intl.PluralRules(language).select(Number(params.count ?? 0));
    return entry[category] ?? entry.other;
  }
  return entry;
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language).format(value);
}

export function formatTime(millis) {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(new Date(millis));
}

export function formatDateTime(millis) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(millis));
}

function setUpSwitcher(select) {
  select.replaceChildren(...Object.entries(LANGUAGES).map(([code, { name }]) => {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = name;
    return option;
  }));
  select.value = language;
  select.addEventListener('change', () => switchTo(select.value));
}

export async function switchTo(chosen) {
  try {
    window.localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // private mode: the choice lasts for this page only
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', chosen);
    window.history.replaceState(null, '', url);
  }
  await use(chosen, document);
  document.querySelectorAll('select[data-lang-switcher]').forEach((select) => {
    select.value = language;
  });
  listeners.forEach((listener) => listener(language));
}
