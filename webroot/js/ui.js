// Small DOM helpers shared by the pages. Text always goes in through textContent.

import { t, formatTime } from './i18n.js';

/** Creates an element: el('li', {class: 'x', dataset: {id}, on: {click}}, child, 'text', …). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'on') {
      Object.entries(value).forEach(([event, handler]) => element.addEventListener(event, handler));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Says something to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) {
    return;
  }
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

export function showMessage(element, text, kind = 'error') {
  delete element.dataset.i18n;
  delete element.dataset.i18nParams;
  element.className = `message ${kind}`;
  element.textContent = text || '';
}

/** Shows a message by key, so a change of language translates it again. */
export function showKeyed(element, key, params = {}, kind = 'error') {
  showMessage(element, t(key, params), kind);
  element.dataset.i18n = key;
  element.dataset.i18nParams = JSON.stringify(params);
}

export function errorText(failure) {
  if (!failure || failure.status === 0) {
    return t('error.offline');
  }
  if (failure.status === 429) {
    return t('error.tooMany');
  }
  return t('error.generic', { message: failure.message || failure.error || String(failure) });
}

/** Keeps a [data-conn] element in step with the bus: a dot and a word, announced when it changes. */
export function bindConnection(bus, element) {
  const render = () => {
    element.dataset.status = bus.status;
    element.dataset.transport = bus.transport;
    element.textContent = t(`conn.${bus.status}`);
  };
  bus.addEventListener('status', render);
  render();
  return render;
}

export function authorLine(question) {
  if (!question.author) {
    return t('common.anonymous');
  }
  const { name, affiliation } = question.author;
  return affiliation ? t('common.author', { name, affiliation }) : name;
}

export function askedAt(question) {
  return question.askedAt ? t('common.askedAt', { time: formatTime(question.askedAt) }) : '';
}

export function statusBadge(status) {
  return el('span', { class: `badge ${status}`, text: t(`qstatus.${status}`) });
}

/** Copies text, tells the user, and falls back to selecting it when the clipboard is not allowed. */
export async function copyText(text, feedback, selectable) {
  try {
    await navigator.clipboard.writeText(text);
    feedback.textContent = t('common.copied');
  } catch {
    if (selectable) {
      const range = document.createRange();
      range.selectNodeContents(selectable);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
}

/** localStorage that never throws (private browsing, full quota). */
export const store = {
  get(key, fallback = null) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // nothing more to do: the value lives in memory for this page
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // ignore
    }
  },
};

export function codeFromUrl() {
  return (new URLSearchParams(window.location.search).get('code') || '').trim().toUpperCase();
}
