// Screen page (projector): title, join code, QR and link, and the top questions live by votes.

import { api } from './api.js';
import { bootPage, connectBus, loadSnapshot as load } from './boot.js';
import { t, formatNumber } from './i18n.js';
import { addresses } from './protocol.js';
import { $, el, showMessage, authorLine } from './ui.js';
import { mergeVotes } from './votes.js';
import { createScreenFloor } from './screen-floor.js';

const TOP = 8;
const state = { session: null, questions: new Map() };
let code;
let bus;
const floor = createScreenFloor();

async function start() {
  const page = await bootPage({ onLanguage: render });
  if (!page) {
    return;
  }
  code = page.code;
  bus = connectBus(code, [[addresses.session(code), null, onEvent]], loadSnapshot);
  await loadSnapshot();
}

function loadSnapshot() {
  return load({ bus, code, apply: applySnapshot });
}

function applySnapshot(snapshot) {
  state.session = snapshot;
  state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
  floor.snapshot(snapshot);
  showMessage($('#fatal'), '');
  render();
}

function onEvent(event) {
  if (event.type === 'session') {
    state.session = { ...state.session, ...event.session };
  } else if (event.type === 'question') {
    state.questions.set(event.question.id, event.question);
  } else if (event.type === 'votes') {
    mergeVotes(event.votes, state.questions);
  }
  floor.onEvent(event);
  render();
}

function render() {
  if (!state.session) {
    return;
  }
  const joinUrl = `${window.location.host}/j/${code}`;
  document.title = `${state.session.title} · ${t('app.name')}`;
  $('#session-title').textContent = state.session.title;
  $('#join-url').textContent = joinUrl;
  $('#join-code').textContent = code;
  const qr = $('#qr');
  if (!qr.getAttribute('src')) {
    qr.src = api.qrUrl(code);
  }
  qr.alt = `${t('screen.scan')}: ${joinUrl}`;
  const top = [...state.questions.values()].filter((q) => q.status === 'visible')
    .sort((a, b) => b.votes - a.votes || (a.askedAt || 0) - (b.askedAt || 0)).slice(0, floor.render() ? 3 : TOP);
  const items = top.map((question) => el('li', {
    class: `question${question.highlighted ? ' highlighted' : ''}`, dataset: { id: question.id },
  },
  el('span', { class: 'votes' }, formatNumber(question.votes),
    el('small', { text: t('screen.votesWord', { count: question.votes }) })),
  el('p', { class: 'text', dir: 'auto', text: question.text }),
  el('bdi', { class: 'meta', text: authorLine(question) })));
  $('#top-list').replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t('screen.empty') })]));
}

start();
