// The moderator's polls: create in two clicks (question, kind, options, when results show; then
// "Create and open"), prepare drafts, open, close and reopen, live results, hide word-cloud entries.

import { request } from './api.js';
import { t } from './i18n.js';
import { $, el, showMessage, showKeyed, errorText } from './ui.js';
import { resultsView } from './results.js';
import { sendCommand } from './commands.js';
import { COMMAND } from './protocol.js';

export function createModPolls({ code, bus, token }) {
  const state = { polls: new Map(), drawn: null };
  const path = (suffix = '') => `/sessions/${encodeURIComponent(code)}/polls${suffix}`;

  function snapshot(session) {
    state.polls = new Map((session.polls || []).map((poll) => [poll.id, poll]));
  }

  function onEvent(event) {
    if (event.type === 'poll' || event.type === 'pollResults') {
      state.polls.set(event.poll.id, { ...state.polls.get(event.poll.id), ...event.poll });
    }
  }

  async function run(type, fields, method, suffix, body) {
    try {
      const answer = await sendCommand(bus, type, fields, token(), () => request(method, path(suffix), { token: token(), body }));
      showMessage($('#poll-error'), '');
      return answer;
    } catch (failure) {
      showMessage($('#poll-error'), errorText(failure));
      return null;
    }
  }

  const setState = (poll, pollState) => run(COMMAND.pollUpdate, { pollId: poll.id, state: pollState }, 'PATCH',
    `/${encodeURIComponent(poll.id)}`, { state: pollState });
  const hideWord = (poll, text, hidden) => run(COMMAND.pollHideWord, { pollId: poll.id, text, hidden }, 'PATCH',
    `/${encodeURIComponent(poll.id)}/words`, { text, hidden });

  function wire() {
    $('#poll-kind').addEventListener('change', renderForm);
    $('#poll-form').addEventListener('submit', (event) => {
      event.preventDefault();
      create(event.submitter && event.submitter.id === 'poll-draft' ? 'draft' : 'open');
    });
    renderForm();
  }

  function renderForm() {
    const kind = $('#poll-kind').value;
    $('#poll-options-field').hidden = kind !== 'single' && kind !== 'multi';
    $('#poll-max-field').hidden = kind !== 'multi';
    $('#poll-scale-field').hidden = kind !== 'rating';
  }

  async function create(then) {
    const question = $('#poll-question').value.trim();
    const kind = $('#poll-kind').value;
    if (!question) {
      showKeyed($('#poll-error'), 'poll.form.needQuestion');
      $('#poll-question').focus();
      return;
    }
    const body = { question, kind, showResults: $('#poll-show').value };
    if (kind === 'single' || kind === 'multi') {
      body.options = $('#poll-options').value.split('\n').map((line) => line.trim()).filter(Boolean);
      if (body.options.length < 2) {
        showKeyed($('#poll-error'), 'poll.form.needOptions');
        $('#poll-options').focus();
        return;
      }
    }
    if (kind === 'multi' && $('#poll-max').value) {
      body.maxChoices = Number($('#poll-max').value);
    }
    if (kind === 'rating') {
      body.scale = Number($('#poll-scale').value);
    }
    const created = await run(COMMAND.pollCreate, body, 'POST', '', body);
    if (!created) {
      return;
    }
    if (then === 'open') {
      await setState(created, 'open');
    }
    $('#poll-question').value = '';
    $('#poll-options').value = '';
    showKeyed($('#poll-error'), then === 'open' ? 'poll.form.opened' : 'poll.form.drafted', {}, 'ok');
  }

  function render() {
    const polls = [...state.polls.values()].reverse();
    const signature = JSON.stringify([document.documentElement.lang, polls]);
    if (signature === state.drawn) {
      return;
    }
    state.drawn = signature;
    const items = polls.map((poll) => el('li', { class: `poll ${poll.state}`, dataset: { id: poll.id, kind: poll.kind } },
      el('div', { class: 'poll-head' },
        el('h3', { dir: 'auto', text: poll.question }),
        el('span', { class: `badge poll-${poll.state}`, text: t(`poll.state.${poll.state}`) }),
        el('span', { class: 'hint', text: `${t(`poll.kind.${poll.kind}`)} · ${t(`poll.show.${poll.showResults}`)}` })),
      el('div', { class: 'actions' }, ...actions(poll)),
      resultsView({ ...poll, resultsHidden: false }, { onHideWord: (text, hidden) => hideWord(poll, text, hidden) })));
    $('#poll-admin-list').replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t('poll.none') })]));
  }

  function actions(poll) {
    const button = (key, action, onClick, kind = '') => el('button', {
      type: 'button', class: kind, dataset: { action }, on: { click: onClick },
    }, t(key));
    if (poll.state === 'open') {
      return [button('poll.close', 'close', () => setState(poll, 'closed'), 'secondary')];
    }
    return [button(poll.state === 'draft' ? 'poll.open' : 'poll.reopen', 'open', () => setState(poll, 'open'))];
  }

  return { wire, snapshot, onEvent, render };
}
