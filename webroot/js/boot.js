// How every session page starts: read ?code=, load the language (?lang=, remembered, browser), take
// the page's token, connect the bus with its status shown, and load the snapshot.

import { api, isWellFormedCode } from './api.js';
import { Bus } from './bus.js';
import { initI18n, t, onLanguageChange } from './i18n.js';
import { $, showMessage, errorText, bindConnection, codeFromUrl } from './ui.js';

/**
 * Starts the page: resolves {code, token}, or null once refused() said why it cannot go on (a code
 * that is not well formed, or no token where takeToken is given). onLanguage runs after every change
 * of language.
 */
export async function bootPage({ takeToken = null, refused = refuseUnknown, onLanguage = null } = {}) {
  const code = codeFromUrl();
  await initI18n();
  const token = takeToken ? takeToken(code) : null;
  if (!isWellFormedCode(code) || (takeToken && !token)) {
    refused();
    return null;
  }
  if (onLanguage) {
    onLanguageChange(onLanguage);
  }
  return { code, token };
}

/** The line of a page whose session cannot be shown: unknown, or the failure in words. */
export function failureText(failure) {
  return failure.status === 404 ? t('attend.unknown') : errorText(failure);
}

function refuseUnknown() {
  showMessage($('#fatal'), t('attend.unknown'));
}

function showFailure(failure) {
  showMessage($('#fatal'), failureText(failure));
}

/**
 * The page's live connection, open at once: each [address, token, handler] registered, the status kept
 * in #conn (in the current language), and reload() called when the node asks for a fresh snapshot.
 */
export function connectBus(code, listens, reload) {
  const bus = new Bus(code);
  const renderConnection = bindConnection(bus, $('#conn'));
  onLanguageChange(renderConnection);
  bus.addEventListener('resync', () => reload());
  listens.forEach(([address, token, handler]) => bus.register(address, token, handler));
  bus.connect();
  return bus;
}

/**
 * Loads the session as token sees it and hands it to apply; then every address the bus listens on is
 * marked as known up to the snapshot's seq. With role {is, refused}, a snapshot for another role is
 * refused with that message key in #fatal. A failure goes to failed (what it returns, e.g. a retry, is
 * awaited); by default it is shown in #fatal.
 */
export async function loadSnapshot({ bus, code, token = null, role = null, apply, failed = showFailure }) {
  try {
    const snapshot = await api.snapshot(code, token);
    if (role && snapshot.role !== role.is) {
      showMessage($('#fatal'), t(role.refused));
      return undefined;
    }
    apply(snapshot);
    [...bus.registrations.keys()].forEach((address) => bus.markSeen(address, snapshot.seq));
    return undefined;
  } catch (failure) {
    return failed(failure);
  }
}
