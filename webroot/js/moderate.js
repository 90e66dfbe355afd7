// Moderator console (laptop): approve or hide pending questions, answer, highlight, archive;
// switch the moderation mode; breakout groups, key messages and the phases of the report
// (mod-groups.js, mod-messages.js); everything live over the bridge.

import { api, isWellFormedCode } from './api.js';
import { Bus, addresses } from './bus.js';
import { initI18n, t, onLanguageChange, formatNumber } from './i18n.js';
import { $, el, announce, showMessage, showKeyed, errorText, bindConnection, authorLine, askedAt, statusBadge, codeFromUrl } from './ui.js';
import { createModQueue } from './mod-queue.js';
import { createModPolls } from './mod-polls.js';
import { createModGroups } from './mod-groups.js';
import { createModMessages } from './mod-messages.js';

const code = codeFromUrl();
const tokenKey = `openfloor.moderator.${code}`;
const state = { session: null, questions: new Map(), participantCount: 0 };
let token = null;
let bus;
let parts = [];

async function start() {
  await initI18n();
  token = takeToken();
  if (!isWellFormedCode(code) || !token) {
    showMessage($('#fatal'), t('mod.noToken'));
    return;
  }
  bus = new Bus(code);
  bindConnection(bus, $('#conn'));
  bus.addEventListener('resync', loadSnapshot);
  bus.register(addresses.session(code), null, onPublicEvent);
  bus.register(addresses.moderators(code), token, onModeratorEvent);
  bus.connect();
  const context = {
    code, bus, token: () => token, session: () => state.session, questions: () => state.questions, applySession,
  };
  parts = [createModQueue(context), createModPolls(context), createModGroups(context), createModMessages(context)];
  parts.forEach((part) => part.wire());
  $('#moderation').addEventListener('change', () => updateSession({ moderation: $('#moderation').value }));
  onLanguageChange(render);
  await loadSnapshot();
}

/** The token arrives in the fragment once; it is kept in storage and taken out of the address bar. */
function takeToken() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromLink = fragment.get('token');
  if (fromLink) {
    remember(fromLink);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    return fromLink;
  }
  try {
    return window.sessionStorage.getItem(tokenKey) || window.localStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

function remember(value) {
  try {
    window.sessionStorage.setItem(tokenKey, value);
    window.localStorage.setItem(tokenKey, value);
  } catch {
    // storage refused: the token lives in memory for this page
  }
}

async function loadSnapshot() {
  try {
    const snapshot = await api.snapshot(code, token);
    if (snapshot.role !== 'moderator') {
      showMessage($('#fatal'), t('mod.badToken'));
      return;
    }
    state.session = snapshot;
    state.participantCount = snapshot.participantCount;
    state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
    parts.forEach((part) => part.snapshot(snapshot));
    bus.markSeen(addresses.session(code), snapshot.seq);
    bus.markSeen(addresses.moderators(code), snapshot.seq);
    showMessage($('#fatal'), '');
    $('#console').hidden = false;
    render();
  } catch (failure) {
    showMessage($('#fatal'), failure.status === 404 ? t('attend.unknown') : errorText(failure));
  }
}

function onPublicEvent(event) {
  if (event.type === 'session') {
    state.session = { ...state.session, ...event.session };
    render();
  } else if (event.type === 'group' || event.type === 'message') {
    parts.forEach((part) => part.onEvent(event));
    render();
  }
}

/** Takes in the session's settings as a command answered them, before the push arrives. */
function applySession(info) {
  state.session = { ...state.session, ...info };
  render();
}

function onModeratorEvent(event) {
  if (event.type === 'question') {
    const isNew = !state.questions.has(event.question.id);
    state.questions.set(event.question.id, event.question);
    if (isNew && event.question.status === 'pending') {
      announce(t('mod.announce.pending'));
    }
  } else if (event.type === 'votes') {
    for (const [id, votes] of Object.entries(event.votes)) {
      if (state.questions.has(id)) {
        state.questions.set(id, { ...state.questions.get(id), votes });
      }
    }
  } else if (event.type === 'participant') {
    state.participantCount = event.participantCount;
  }
  parts.forEach((part) => part.onEvent(event));
  render();
}

/** Sends over the socket when it is open, over HTTP otherwise. */
function send(type, fields, viaHttp) {
  return bus.command(type, fields, token).catch((failure) => (failure.status === 0 ? viaHttp() : Promise.reject(failure)));
}

async function moderate(question, change) {
  try {
    const updated = await send('moderate', { questionId: question.id, ...change },
      () => api.moderate(code, token, question.id, change));
    state.questions.set(updated.id, { ...state.questions.get(updated.id), ...updated });
    showMessage($('#action-error'), '');
    render();
  } catch (failure) {
    showMessage($('#action-error'), errorText(failure));
  }
}

async function updateSession(change) {
  try {
    const info = await send('updateSession', change, () => api.updateSession(code, token, change));
    state.session = { ...state.session, ...info };
    showKeyed($('#settings-message'), 'mod.saved', {}, 'ok');
  } catch (failure) {
    showMessage($('#settings-message'), errorText(failure));
  }
  render();
}

function render() {
  if (!state.session) {
    return;
  }
  document.title = `${state.session.title} · ${t('mod.heading')}`;
  $('#session-title').textContent = state.session.title;
  $('#session-code').textContent = `${t('common.code')}: ${code}`;
  $('#moderation').value = state.session.moderation;
  $('#phase-badge').textContent = t(`phase.${state.session.phase}`);
  $('#phase-badge').dataset.phase = state.session.phase;
  $('#attendee-link').textContent = `${window.location.origin}/j/${code}`;
  $('#screen-link').href = `/screen.html?code=${encodeURIComponent(code)}`;
  const all = [...state.questions.values()];
  const by = (status) => all.filter((q) => q.status === status);
  renderCounts(by);
  renderList('#pending-list', by('pending').sort(oldestFirst), pendingActions, 'mod.pending.empty');
  renderList('#visible-list', by('visible').sort(mostVotesFirst), visibleActions, 'mod.visible.empty');
  renderList('#done-list', all.filter((q) => ['answered', 'hidden', 'archived'].includes(q.status)).sort(newestFirst),
    doneActions, 'mod.done.empty');
  parts.forEach((part) => part.render());
}

function renderCounts(by) {
  const counts = [
    ['mod.count.pending', by('pending').length, 'count-pending'],
    ['mod.count.visible', by('visible').length, 'count-visible'],
    ['mod.count.answered', by('answered').length, 'count-answered'],
    ['mod.count.hidden', by('hidden').length, 'count-hidden'],
    ['mod.count.archived', by('archived').length, 'count-archived'],
    ['mod.count.participants', state.participantCount, 'count-participants'],
  ];
  $('#counts').replaceChildren(...counts.map(([key, n, id]) =>
    el('li', { id }, el('span', { class: 'n', text: formatNumber(n) }), el('span', { text: t(key) }))));
}

function renderList(selector, questions, actions, emptyKey) {
  const items = questions.map((question) => el('li', {
    class: `question${question.highlighted ? ' highlighted' : ''}`, dataset: { id: question.id },
  },
  el('p', { class: 'text', dir: 'auto', text: question.text }),
  el('span', { class: 'counter', text: t('votes', { count: question.votes }) }),
  el('div', { class: 'meta' }, statusBadge(question.status), el('bdi', { text: authorLine(question) }),
    el('span', { text: askedAt(question) }),
    question.highlighted ? el('span', { class: 'badge highlight', text: t('common.highlighted') }) : null),
  el('div', { class: 'actions' }, ...actions(question))));
  $(selector).replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t(emptyKey) })]));
}

function action(key, question, change, kind = 'secondary') {
  return el('button', {
    type: 'button', class: kind, dataset: { action: key.replace('mod.', '') },
    on: { click: () => moderate(question, change) },
  }, t(key));
}

function pendingActions(question) {
  return [action('mod.approve', question, { status: 'visible' }, ''), action('mod.hide', question, { status: 'hidden' }, 'danger')];
}

function visibleActions(question) {
  return [
    action('mod.answered', question, { status: 'answered' }, ''),
    action(question.highlighted ? 'mod.unhighlight' : 'mod.highlight', question, { highlighted: !question.highlighted }),
    action('mod.archive', question, { status: 'archived' }),
    action('mod.hide', question, { status: 'hidden' }, 'danger'),
  ];
}

function doneActions(question) {
  const actions = [action('mod.show', question, { status: 'visible' })];
  if (question.status !== 'archived') {
    actions.push(action('mod.archive', question, { status: 'archived' }));
  }
  return actions;
}

function oldestFirst(a, b) {
  return (a.askedAt || 0) - (b.askedAt || 0);
}

function newestFirst(a, b) {
  return oldestFirst(b, a);
}

function mostVotesFirst(a, b) {
  return b.votes - a.votes || oldestFirst(a, b);
}

start();
