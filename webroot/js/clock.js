// The speaking clock as every page shows it: the server's time is estimated from the snapshot's
// serverTime (offset against this device's clock), so phones, console and projector agree.

import { formatNumber } from './i18n.js';

const WARN_MILLIS = 30000;
let offsetMillis = 0;

/** Call with a snapshot's serverTime right after it arrived. */
export function syncClock(serverTime) {
  if (typeof serverTime === 'number' && Number.isFinite(serverTime)) {
    offsetMillis = serverTime - Date.now();
  }
}

export function serverNow() {
  return Date.now() + offsetMillis;
}

/** Milliseconds left for the current speaker (negative when over time), or null when nobody speaks. */
export function remainingMillis(current) {
  if (!current || typeof current.startedAt !== 'number') {
    return null;
  }
  const at = typeof current.pausedAt === 'number' ? current.pausedAt : serverNow();
  return current.limitSeconds * 1000 - (at - current.startedAt - (current.pausedMs || 0));
}

/** ok, warn (last 30 s), over (past the limit) or idle. */
export function timerLevel(millis) {
  if (millis === null || millis === undefined) {
    return 'idle';
  }
  if (millis < 0) {
    return 'over';
  }
  return millis <= WARN_MILLIS ? 'warn' : 'ok';
}

/** m:ss, with a leading minus sign once over time. */
export function formatClock(millis) {
  if (millis === null || millis === undefined) {
    return '';
  }
  const over = millis < 0;
  const seconds = Math.ceil(Math.abs(millis) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = new Intl.NumberFormat(document.documentElement.lang || 'en', { minimumIntegerDigits: 2 }).format(seconds % 60);
  return `${over ? '−' : ''}${formatNumber(minutes)}:${rest}`;
}

/** A duration in seconds as m:ss (speaking limits, totals). */
export function formatSeconds(seconds) {
  return formatClock(Math.max(0, seconds) * 1000);
}

/** Calls back four times a second while the page is open. */
export function everyTick(callback) {
  return window.setInterval(callback, 250);
}
