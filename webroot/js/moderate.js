// Moderator console (laptop): approve or hide pending questions, answer, highlight, archive;
// switch the moderation mode; breakout groups, key messages and the phases of the report
// (mod-groups.js, mod-messages.js); everything live over the bridge.

import { api } from './api.js';
import { bootPage, connectBus, loadSnapshot as load } from './boot.js';
import { sendCommand } from './commands.js';
import { t, formatNumber } from './i18n.js';
import { COMMAND, addresses } from './protocol.js';
import { moderatorToken } from './tokens.js';
import { $, el, announce, showMessage, showKeyed, errorText, authorLine, askedAt, statusBadge } from './ui.js';
import { mergeVotes } from './votes.js';
import { createModQueue } from './mod-queue.js';
import { createModPolls } from './mod-polls.js';
import { createModGroups } from './mod-groups.js';
import { createModMessages } from './mod-messages.js';

const state = { session: null, questions: new Map(), participantCount: 0 };
let code;
let token = null;
let bus;
let parts = [];

async function start() {
  const page = await bootPage({
    takeToken: moderatorToken, refused: () => showMessage($('#fatal'), t('mod.noToken')), onLanguage: render,
  });
  if (!page) {
    return;
  }
  ({ code, token } = page);
  bus = connectBus(code, [
    [addresses.session(code), null, onPublicEvent],
    [addresses.moderators(code), token, onModeratorEvent],
  ], loadSnapshot);
  const context = {
    code, bus, token: () => token, session: () => state.session, questions: () => state.questions, applySession,
  };
  parts = [createModQueue(context), createModPolls(context), createModGroups(context), createModMessages(context)];
  parts.forEach((part) => part.wire());
  $('#moderation').addEventListener('change', () => updateSession({ moderation: $('#moderation').value }));
  await loadSnapshot();
}

function loadSnapshot() {
  return load({ bus, code, token, role: { is: 'moderator', refused: 'mod.badToken' }, apply: applySnapshot });
}

function applySnapshot(snapshot) {
  state.session = snapshot;
  state.participantCount = snapshot.participantCount;
  state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
  parts.forEach((part) => part.snapshot(snapshot));
  showMessage($('#fatal'), '');
  $('#console').hidden = false;
  render();
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
    mergeVotes(event.votes, state.questions);
  } else if (event.type === 'participant') {
    state.participantCount = event.participantCount;
  }
  parts.forEach((part) => part.onEvent(event));
  render();
}

async function moderate(question, change) {
  try {
    const updated = await sendCommand(bus, COMMAND.moderate, { questionId: question.id, ...change }, token,
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
    const info = await sendCommand(bus, COMMAND.updateSession, change, token, () => api.updateSession(code, token, change));
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
