// Screen page (projector): title, join code, QR and link, and the top questions live by votes.

import { api, isWellFormedCode } from './api.js';
import { Bus, addresses } from './bus.js';
import { initI18n, t, onLanguageChange, formatNumber } from './i18n.js';
import { $, el, showMessage, errorText, bindConnection, authorLine, codeFromUrl } from './ui.js';
import { createScreenFloor } from './screen-floor.js';

const TOP = 8;
const code = codeFromUrl();
const state = { session: null, questions: new Map() };
let bus;
const floor = createScreenFloor();

async function start() {
  await initI18n();
  if (!isWellFormedCode(code)) {
    showMessage($('#fatal'), t('attend.unknown'));
    return;
  }
  bus = new Bus(code);
  bindConnection(bus, $('#conn'));
  bus.addEventListener('resync', loadSnapshot);
  bus.register(addresses.session(code), null, onEvent);
  bus.connect();
  onLanguageChange(render);
  await loadSnapshot();
}

async function loadSnapshot() {
  try {
    const snapshot = await api.snapshot(code);
    state.session = snapshot;
    state.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
    floor.snapshot(snapshot);
    bus.markSeen(addresses.session(code), snapshot.seq);
    showMessage($('#fatal'), '');
    render();
  } catch (failure) {
    showMessage($('#fatal'), failure.status === 404 ? t('attend.unknown') : errorText(failure));
  }
}

function onEvent(event) {
  if (event.type === 'session') {
    state.session = { ...state.session, ...event.session };
  } else if (event.type === 'question') {
    state.questions.set(event.question.id, event.question);
  } else if (event.type === 'votes') {
    for (const [id, votes] of Object.entries(event.votes)) {
      if (state.questions.has(id)) {
        state.questions.set(id, { ...state.questions.get(id), votes });
      }
    }
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
