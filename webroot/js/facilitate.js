// Facilitator console: the group's comments live by votes (pending and hidden ones too, pushed on the
// group's own address), approve, highlight or hide them, keep the group's notes pad, and draft the
// group's key messages with the top comments (the N most upvoted and all highlighted) at hand.

import { api } from './api.js';
import { bootPage, connectBus, loadSnapshot as load } from './boot.js';
import { t } from './i18n.js';
import { addresses } from './protocol.js';
import { facilitatorToken } from './tokens.js';
import { $, el, showMessage, showKeyed, errorText, authorLine, statusBadge, announce } from './ui.js';
import { mergeVotes } from './votes.js';

const TOP_COUNT = 5;
const TOP_MAX = 20;
const groupId = new URLSearchParams(window.location.search).get('group') || '';
const state = {
  session: null, group: null, questions: new Map(), messages: new Map(), sources: new Set(), editing: null,
  topCount: TOP_COUNT, savedNotes: '',
};
let code;
let token = null;
let bus;

async function start() {
  const page = await bootPage({
    takeToken: (session) => facilitatorToken(session, groupId), refused: () => showMessage($('#fatal'), t('fac.noToken')),
    onLanguage: render,
  });
  if (!page) {
    return;
  }
  ({ code, token } = page);
  bus = connectBus(code, [[addresses.session(code), null, onEvent]], loadSnapshot);
  $('#notes-save').addEventListener('click', saveNotes);
  $('#message-form').addEventListener('submit', saveMessage);
  $('#message-cancel').addEventListener('click', resetDraft);
  $('#top-count').value = String(TOP_COUNT);
  $('#top-count').addEventListener('input', changeTopCount);
  await loadSnapshot();
}

function loadSnapshot() {
  return load({
    bus, code, token, role: { is: 'facilitator', refused: 'fac.badToken' }, apply: applySnapshot,
    failed: (failure) => showMessage($('#fatal'), errorText(failure)),
  });
}

function applySnapshot(snapshot) {
  state.session = snapshot;
  state.group = snapshot.group;
  state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
  state.messages = new Map(snapshot.messages.map((m) => [m.id, m]));
  $('#notes-text').value = snapshot.notes.text || '';
  state.savedNotes = snapshot.notes.text || '';
  listenToGroup(snapshot.group.id);
  $('#console').hidden = false;
  render();
}

/** The group's own address carries its pending and hidden items and its notes, live. */
function listenToGroup(id) {
  const address = addresses.group(code, id);
  if (!bus.registrations.has(address)) {
    bus.register(address, token, onGroupEvent);
  }
}

function onGroupEvent(event) {
  if (event.type === 'notes') {
    const pad = $('#notes-text');
    if (document.activeElement !== pad && pad.value === state.savedNotes) {
      pad.value = event.notes.text;
    }
    state.savedNotes = event.notes.text;
    return;
  }
  if (event.type === 'question' && event.question.status === 'pending' && !state.questions.has(event.question.id)) {
    announce(t('mod.announce.pending'));
  }
  onEvent(event);
}

function changeTopCount() {
  const n = Number($('#top-count').value);
  if (Number.isInteger(n) && n >= 1 && n <= TOP_MAX) {
    state.topCount = n;
    render();
  }
}

function onEvent(event) {
  if (event.type === 'question') {
    state.questions.set(event.question.id, event.question);
  } else if (event.type === 'votes') {
    mergeVotes(event.votes, state.questions);
  } else if (event.type === 'message') {
    state.messages.set(event.message.id, event.message);
  } else if (event.type === 'session') {
    state.session = { ...state.session, ...event.session };
  }
  render();
}

const ours = () => [...state.questions.values()].filter((q) => q.groupId === state.group.id);
const byVotes = (a, b) => b.votes - a.votes || (a.askedAt || 0) - (b.askedAt || 0);

function topComments() {
  const visible = ours().filter((q) => q.status !== 'hidden' && q.status !== 'pending').sort(byVotes);
  const top = visible.slice(0, state.topCount);
  return [...top, ...visible.filter((q) => q.highlighted && !top.includes(q))];
}

async function act(call, after = () => {}) {
  try {
    const result = await call();
    showMessage($('#action-error'), '');
    after(result);
    render();
  } catch (failure) {
    showMessage($('#action-error'), errorText(failure));
  }
}

function moderate(question, change) {
  act(() => api.moderate(code, token, question.id, change), (updated) => state.questions.set(updated.id, updated));
}

function saveNotes() {
  const text = $('#notes-text').value;
  act(() => api.writeNotes(code, token, state.group.id, text), () => {
    state.savedNotes = text;
    showKeyed($('#notes-message'), 'fac.notes.saved', {}, 'ok');
  });
}

function saveMessage(event) {
  event.preventDefault();
  const text = $('#message-text').value.trim();
  if (!text) {
    $('#message-text').focus();
    return;
  }
  const fields = { text, questionIds: [...state.sources] };
  const call = state.editing ? () => api.editMessage(code, token, state.editing, fields) : () => api.createMessage(code, token, fields);
  act(call, (message) => {
    state.messages.set(message.id, message);
    resetDraft();
  });
}

function resetDraft() {
  state.editing = null;
  state.sources = new Set();
  $('#message-text').value = '';
  render();
}

function edit(message) {
  state.editing = message.id;
  state.sources = new Set(message.questionIds);
  $('#message-text').value = message.text;
  $('#message-text').focus();
  render();
}

function render() {
  if (!state.group) {
    return;
  }
  document.title = `${state.group.name} · ${t('fac.heading')}`;
  $('#group-name').textContent = state.group.name;
  $('#session-line').textContent = `${state.session.title} · ${t(`phase.${state.session.phase}`)}`;
  const closed = state.session.phase === 'closed';
  $('#message-submit').disabled = closed;
  $('#notes-save').disabled = closed;
  $('#message-cancel').hidden = !state.editing;
  $('#message-sources').textContent = t('fac.messages.sources', { count: state.sources.size });
  renderList('#comment-list', ours().sort(byVotes), commentActions, 'fac.comments.empty');
  renderList('#top-list', topComments(), (q) => [sourceToggle(q)], 'fac.comments.empty');
  const messages = [...state.messages.values()].filter((m) => m.groupId === state.group.id);
  $('#message-list').replaceChildren(...(messages.length ? messages.map(messageItem)
    : [el('li', { class: 'empty', text: t('fac.messages.empty') })]));
}

function renderList(selector, questions, actions, emptyKey) {
  const items = questions.map((q) => el('li', { class: `question${q.highlighted ? ' highlighted' : ''}`, dataset: { id: q.id } },
    el('p', { class: 'text', dir: 'auto', text: q.text }),
    el('span', { class: 'counter', text: t('votes', { count: q.votes }) }),
    el('div', { class: 'meta' }, statusBadge(q.status), el('bdi', { text: authorLine(q) }),
      q.highlighted ? el('span', { class: 'badge highlight', text: t('common.highlighted') }) : null),
    el('div', { class: 'actions' }, ...actions(q))));
  $(selector).replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t(emptyKey) })]));
}

function button(key, onClick, kind = 'secondary') {
  return el('button', { type: 'button', class: kind, on: { click: onClick } }, t(key));
}

function commentActions(q) {
  if (q.status === 'pending') {
    return [button('mod.approve', () => moderate(q, { status: 'visible' }), ''),
      button('mod.hide', () => moderate(q, { status: 'hidden' }), 'danger')];
  }
  return [
    button(q.highlighted ? 'mod.unhighlight' : 'mod.highlight', () => moderate(q, { highlighted: !q.highlighted })),
    q.status === 'hidden' ? button('mod.show', () => moderate(q, { status: 'visible' }))
      : button('mod.hide', () => moderate(q, { status: 'hidden' }), 'danger'),
  ];
}

function sourceToggle(q) {
  const chosen = state.sources.has(q.id);
  return button(chosen ? 'fac.top.remove' : 'fac.top.use', () => {
    if (chosen) {
      state.sources.delete(q.id);
    } else {
      state.sources.add(q.id);
    }
    render();
  });
}

function messageItem(message) {
  return el('li', { class: 'question', dataset: { id: message.id } },
    el('p', { class: 'text', dir: 'auto', text: message.text }),
    el('div', { class: 'meta' }, el('span', { text: t('fac.messages.sources', { count: message.questionIds.length }) }),
      el('span', { text: t('report.comments', { count: message.comments.length }) })),
    el('div', { class: 'actions' }, button('fac.messages.edit', () => edit(message))));
}

start();
