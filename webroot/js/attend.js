// Attendee page (phones): join, ask, upvote, follow own questions; live over the bridge, and
// nothing typed is ever lost: drafts are kept and questions sent offline wait in an outbox.

import { api } from './api.js';
import { bootPage, connectBus, loadSnapshot as load } from './boot.js';
import { randomId } from './bus.js';
import { sendCommand } from './commands.js';
import { t } from './i18n.js';
import { COMMAND, addresses } from './protocol.js';
import { participant } from './tokens.js';
import { $, el, announce, showMessage, showKeyed, errorText, authorLine, askedAt, statusBadge, store } from './ui.js';
import { mergeVotes } from './votes.js';
import { createFloor } from './floor.js';
import { createPolls } from './attend-polls.js';
import { createGroups } from './attend-groups.js';

const MAX_LENGTH = 500;
const LISTED = new Set(['visible', 'answered']);

const SORT_KEY = 'openfloor.sort';

let code;
let keys; // this session's draft and outbox

const state = {
  session: null,
  identity: null,
  questions: new Map(),
  mine: new Map(),
  myVotes: new Set(),
  sort: store.get(SORT_KEY, 'votes'),
  flushing: false,
};
let bus;
let parts = [];

async function start() {
  const page = await bootPage({ refused: () => { $('#unknown').hidden = false; }, onLanguage: renderAll });
  if (!page) {
    return;
  }
  code = page.code;
  keys = { draft: `openfloor.draft.${code}`, outbox: `openfloor.outbox.${code}` };
  state.identity = participant.get(code);
  const me = state.identity;
  bus = connectBus(code, [[addresses.session(code), null, onPublicEvent],
    ...(me ? [[addresses.participant(me.id), me.token, onPrivateEvent]] : [])], loadSnapshot);
  bus.addEventListener('status', onConnectionChange);
  bus.addEventListener('resumed', () => announce(t('conn.resumed')));
  const context = { code, bus, identity: () => state.identity };
  parts = [createFloor(context), createPolls(context), createGroups(context)];
  parts[0].wire();
  parts[2].wire();
  wireForms();
  await loadSnapshot();
}

function wireForms() {
  $('#join-form').addEventListener('submit', join);
  $('#ask-form').addEventListener('submit', ask);
  const text = $('#ask-text');
  const anonymous = $('#ask-anonymous');
  const draft = store.get(keys.draft, { text: '', anonymous: false });
  text.value = draft.text || '';
  anonymous.checked = Boolean(draft.anonymous);
  text.addEventListener('input', saveDraft);
  anonymous.addEventListener('change', saveDraft);
  $('#sort-votes').addEventListener('click', () => sortBy('votes'));
  $('#sort-newest').addEventListener('click', () => sortBy('newest'));
  window.addEventListener('online', flushOutbox);
}

function loadSnapshot() {
  return load({ bus, code, token: state.identity && state.identity.token, apply: applySnapshot, failed: snapshotFailed });
}

/** An unknown session says so; a token the session no longer knows is forgotten and the page loads anonymously. */
function snapshotFailed(failure) {
  if (failure.status === 404) {
    $('#unknown').hidden = false;
    return undefined;
  }
  if (failure.status === 401 && state.identity) {
    forgetIdentity();
    return loadSnapshot();
  }
  showMessage($('#vote-error'), errorText(failure));
  return undefined;
}

function applySnapshot(snapshot) {
  state.session = snapshot;
  state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
  if (snapshot.me) {
    state.mine = new Map(snapshot.me.questions.map((q) => [q.id, q]));
    state.myVotes = new Set(snapshot.me.votes);
  }
  parts.forEach((part) => part.snapshot(snapshot));
  $('#board').hidden = false;
  renderAll();
  flushOutbox();
}

function forgetIdentity() {
  if (state.identity) {
    bus.unregister(addresses.participant(state.identity.id));
  }
  participant.forget(code);
  state.identity = null;
  state.mine = new Map();
  state.myVotes = new Set();
}

// Live events

function onPublicEvent(event) {
  if (event.type === 'session') {
    state.session = { ...state.session, ...event.session };
  } else if (event.type === 'question') {
    state.questions.set(event.question.id, event.question);
  } else if (event.type === 'votes') {
    mergeVotes(event.votes, state.questions, state.mine);
  }
  parts.forEach((part) => part.onPublic(event));
  renderAll();
}

function onPrivateEvent(event) {
  if (event.type === 'question') {
    const before = state.mine.get(event.question.id);
    state.mine.set(event.question.id, event.question);
    if (before && before.status !== event.question.status) {
      announce(t(`attend.announce.${event.question.status}`));
    }
  } else if (event.type === 'ownVote') {
    if (event.voted) {
      state.myVotes.add(event.questionId);
    } else {
      state.myVotes.delete(event.questionId);
    }
  }
  parts.forEach((part) => part.onPrivate(event));
  renderAll();
}

function onConnectionChange() {
  if (bus.online) {
    flushOutbox();
  }
}

// Joining

async function join(event) {
  event.preventDefault();
  const profile = {};
  const name = $('#join-name').value.trim();
  const affiliation = $('#join-affiliation').value.trim();
  const stakeholder = $('#join-stakeholder').value;
  if (name) profile.name = name;
  if (affiliation) profile.affiliation = affiliation;
  if (stakeholder) profile.stakeholder = stakeholder;
  if ($('#join-group').value) profile.groupId = $('#join-group').value;
  $('#join-submit').disabled = true;
  try {
    const joined = await api.join(code, profile);
    state.identity = { id: joined.id, token: joined.token, name: joined.name };
    participant.set(code, state.identity);
    bus.register(addresses.participant(joined.id), joined.token, onPrivateEvent);
    await loadSnapshot();
    $('#ask-text').focus();
  } catch (failure) {
    showMessage($('#join-error'), errorText(failure));
  } finally {
    $('#join-submit').disabled = false;
  }
}

// Asking, with a draft and an outbox

function saveDraft() {
  store.set(keys.draft, { text: $('#ask-text').value, anonymous: $('#ask-anonymous').checked });
  renderCounter();
}

function ask(event) {
  event.preventDefault();
  const text = $('#ask-text').value.trim();
  const length = [...text].length;
  if (!text) {
    $('#ask-text').focus();
    return;
  }
  if (length > MAX_LENGTH) {
    showKeyed($('#ask-message'), 'attend.ask.tooLong', { count: length, max: MAX_LENGTH });
    $('#ask-text').focus();
    return;
  }
  const outbox = store.get(keys.outbox, []);
  outbox.push({ requestId: randomId(), text, anonymous: $('#ask-anonymous').checked });
  store.set(keys.outbox, outbox);
  $('#ask-text').value = '';
  saveDraft();
  if (!bus.online) {
    showKeyed($('#ask-message'), 'attend.ask.queued', {}, 'info');
  }
  renderOutbox();
  flushOutbox();
}

/** Sends the waiting questions one by one; a retry reuses the request id so nothing is asked twice. */
async function flushOutbox() {
  if (state.flushing || !state.identity || !bus.online) {
    return;
  }
  state.flushing = true;
  try {
    let outbox = store.get(keys.outbox, []);
    while (outbox.length > 0 && bus.online) {
      const item = outbox[0];
      const sent = await sendQueued(item);
      if (!sent) {
        break;
      }
      outbox = store.get(keys.outbox, []).filter((queued) => queued.requestId !== item.requestId);
      store.set(keys.outbox, outbox);
    }
  } finally {
    state.flushing = false;
    renderOutbox();
  }
}

async function sendQueued(item) {
  try {
    const question = await sendCommand(bus, COMMAND.ask,
      { text: item.text, anonymous: item.anonymous, requestId: item.requestId }, state.identity.token);
    state.mine.set(question.id, question);
    const key = question.status === 'pending' ? 'attend.ask.sentPending' : 'attend.ask.sent';
    showKeyed($('#ask-message'), key, {}, 'ok');
    announce(t(key));
    renderAll();
    return true;
  } catch (failure) {
    if (failure.status === 0 || failure.status >= 500 || failure.status === 429) {
      showKeyed($('#ask-message'), 'attend.ask.queued', {}, 'info');
      return false;
    }
    restoreIntoDraft(item);
    showMessage($('#ask-message'), failure.status === 409 ? t('attend.ask.closed') : errorText(failure));
    return true;
  }
}

/** A refused question goes back into the text box rather than being lost. */
function restoreIntoDraft(item) {
  const textarea = $('#ask-text');
  if (!textarea.value.includes(item.text)) {
    textarea.value = textarea.value ? `${item.text}\n\n${textarea.value}` : item.text;
    saveDraft();
  }
}

// Voting

async function toggleVote(question) {
  if (!state.identity) {
    $('#join-name').focus();
    return;
  }
  const up = !state.myVotes.has(question.id);
  setVoted(question.id, up);
  renderAll();
  try {
    await sendCommand(bus, up ? COMMAND.vote : COMMAND.unvote, { questionId: question.id }, state.identity.token,
      () => api.vote(code, state.identity.token, question.id, up));
    showMessage($('#vote-error'), '');
  } catch (failure) {
    if (failure.status !== 409) {
      setVoted(question.id, !up);
      showMessage($('#vote-error'), errorText(failure));
    }
  }
  renderAll();
}

function setVoted(id, voted) {
  if (voted) {
    state.myVotes.add(id);
  } else {
    state.myVotes.delete(id);
  }
}

function sortBy(sort) {
  state.sort = sort;
  store.set(SORT_KEY, sort);
  renderAll();
}

// Rendering

function renderAll() {
  if (!state.session) {
    return;
  }
  document.title = `${state.session.title} · ${t('app.name')}`;
  $('#session-title').textContent = state.session.title;
  $('#session-code').textContent = `${t('common.code')}: ${code}`;
  $('#join').hidden = Boolean(state.identity);
  $('#ask').hidden = !state.identity;
  $('#joined-as').textContent = state.identity && state.identity.name
    ? t('attend.joinedAs', { name: state.identity.name }) : t('attend.joinedAnonymous');
  $('#ask-submit').disabled = state.session.phase !== 'live';
  renderCounter();
  renderOutbox();
  renderMine();
  renderList();
  parts.forEach((part) => part.render());
}

function renderCounter() {
  const length = [...$('#ask-text').value].length;
  const counter = $('#ask-counter');
  counter.textContent = t('attend.ask.counter', { count: length, max: MAX_LENGTH });
  counter.classList.toggle('over', length > MAX_LENGTH);
  $('#ask-text').setAttribute('aria-invalid', String(length > MAX_LENGTH));
}

function renderOutbox() {
  const waiting = store.get(keys.outbox, []).length;
  const outbox = $('#outbox');
  outbox.hidden = waiting === 0;
  outbox.textContent = waiting ? t('attend.ask.queuedCount', { count: waiting }) : '';
}

function renderMine() {
  const mine = [...state.mine.values()].sort(newestFirst);
  $('#mine').hidden = !state.identity || mine.length === 0;
  $('#mine-list').replaceChildren(...mine.map((question) => el('li', { class: 'question', dataset: { id: question.id } },
    el('p', { class: 'text', dir: 'auto', text: question.text }),
    el('div', { class: 'meta' }, statusBadge(question.status),
      el('span', { text: t('votes', { count: question.votes }) }),
      el('span', { text: askedAt(question) })))));
}

function renderList() {
  const listed = [...state.questions.values()].filter((q) => LISTED.has(q.status))
    .sort(state.sort === 'newest' ? newestFirst : mostVotesFirst);
  $('#sort-votes').setAttribute('aria-pressed', String(state.sort === 'votes'));
  $('#sort-newest').setAttribute('aria-pressed', String(state.sort === 'newest'));
  const items = listed.map(questionItem);
  $('#question-list').replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t('attend.list.empty') })]));
}

function questionItem(question) {
  const voted = state.myVotes.has(question.id);
  const own = state.mine.has(question.id);
  const canVote = Boolean(state.identity) && question.status === 'visible' && state.session.phase === 'live';
  return el('li', { class: `question${question.highlighted ? ' highlighted' : ''}`, dataset: { id: question.id } },
    el('p', { class: 'text', dir: 'auto', text: question.text }),
    el('button', {
      type: 'button', class: 'vote', 'aria-pressed': String(voted), disabled: !canVote,
      'aria-label': `${t('votes', { count: question.votes })}, ${t('attend.voteLabel', { text: truncate(question.text) })}`,
      on: { click: () => toggleVote(question) },
    }, el('span', { class: 'arrow', 'aria-hidden': 'true', text: '▲' }),
    el('span', { class: 'count', text: t('votes', { count: question.votes }) })),
    el('div', { class: 'meta' },
      el('bdi', { text: authorLine(question) }),
      own ? el('span', { class: 'badge visible', text: t('attend.yours') }) : null,
      question.status === 'answered' ? statusBadge('answered') : null,
      question.highlighted ? el('span', { class: 'badge highlight', text: t('common.highlighted') }) : null));
}

function truncate(text) {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function mostVotesFirst(a, b) {
  return b.votes - a.votes || newestFirst(a, b);
}

function newestFirst(a, b) {
  return (b.askedAt || 0) - (a.askedAt || 0) || idNumber(b) - idNumber(a);
}

function idNumber(question) {
  return Number(String(question.id).replace(/\D/g, '')) || 0;
}

start();
