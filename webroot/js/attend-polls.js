// Polls on the attendee's phone: open polls appear live; one tap votes (single choice, rating),
// checkboxes up to the maximum (multi), up to three words (word cloud); the vote can change while
// the poll is open; results show when the moderator allows it.

import { request } from './api.js';
import { randomId } from './bus.js';
import { t, formatNumber, currentLanguage } from './i18n.js';
import { $, el, errorText } from './ui.js';
import { resultsView } from './results.js';
import { sendCommand } from './commands.js';
import { COMMAND } from './protocol.js';

const WORDS = 3;
const WORD_MAX = 40;
const CLOSED_SHOWN = 2;

export function createPolls({ code, bus, identity }) {
  const state = { polls: new Map(), myVotes: new Map(), drafts: new Map(), errors: new Map(), drawn: null };

  function snapshot(session) {
    state.polls = new Map((session.polls || []).map((poll) => [poll.id, poll]));
    state.myVotes = new Map((session.polls || []).filter((poll) => poll.myVote).map((poll) => [poll.id, poll.myVote]));
  }

  function onPublic(event) {
    if (event.type === 'poll' || event.type === 'pollResults') {
      state.polls.set(event.poll.id, { ...state.polls.get(event.poll.id), ...event.poll });
    }
  }

  function onPrivate(event) {
    if (event.type === 'pollVote') {
      state.myVotes.set(event.pollId, event.myVote);
    }
  }

  async function vote(poll, ballot) {
    const me = identity();
    if (!me) {
      $('#join-name').focus();
      return;
    }
    const before = state.myVotes.get(poll.id);
    state.myVotes.set(poll.id, ballot);
    state.errors.delete(poll.id);
    render();
    const fields = { pollId: poll.id, ...ballot, requestId: randomId() };
    try {
      await sendCommand(bus, COMMAND.pollVote, fields, me.token,
        () => request('PUT', `/sessions/${encodeURIComponent(code)}/polls/${encodeURIComponent(poll.id)}/vote`,
          { token: me.token, body: { ...ballot, requestId: fields.requestId } }));
      state.drafts.delete(poll.id);
      state.errors.set(poll.id, { key: 'poll.voted', kind: 'ok' });
    } catch (failure) {
      if (before) {
        state.myVotes.set(poll.id, before);
      } else {
        state.myVotes.delete(poll.id);
      }
      state.errors.set(poll.id, { text: failure.status === 409 ? t('poll.closedNow') : errorText(failure), kind: 'error' });
    }
    render();
  }

  function render() {
    const polls = [...state.polls.values()];
    const open = polls.filter((poll) => poll.state === 'open');
    const closed = polls.filter((poll) => poll.state === 'closed' && !poll.resultsHidden).slice(-CLOSED_SHOWN).reverse();
    const shown = [...open, ...closed];
    const signature = JSON.stringify([currentLanguage(), Boolean(identity()), shown, [...state.myVotes], [...state.errors]]);
    if (signature === state.drawn) {
      return;
    }
    state.drawn = signature;
    $('#polls').hidden = shown.length === 0;
    const active = document.activeElement;
    const focused = active && active.closest('#poll-list') ? focusKey(active) : null;
    const caret = focused && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    $('#poll-list').replaceChildren(...shown.map(pollCard));
    if (focused) {
      const again = document.querySelector(`#poll-list [data-focus-key="${CSS.escape(focused)}"]`);
      if (again) {
        again.focus();
        if (caret) {
          again.setSelectionRange(...caret);
        }
      }
    }
  }

  function focusKey(element) {
    const keyed = element.closest('[data-focus-key]');
    return keyed ? keyed.dataset.focusKey : null;
  }

  function pollCard(poll) {
    const open = poll.state === 'open';
    const canVote = open && Boolean(identity());
    const headingId = `poll-${poll.id}-q`;
    const message = state.errors.get(poll.id);
    return el('article', { class: `poll ${poll.state}`, dataset: { id: poll.id, kind: poll.kind }, 'aria-labelledby': headingId },
      el('h3', { id: headingId, dir: 'auto', text: poll.question }),
      el('p', { class: 'hint' }, el('span', { class: `badge poll-${poll.state}`, text: t(`poll.state.${poll.state}`) }),
        ' ', open ? t(`poll.how.${poll.kind}`, { max: poll.maxChoices || 0 }) : ''),
      open ? ballotView(poll, canVote) : null,
      !identity() && open ? el('p', { class: 'hint', text: t('poll.joinToVote') }) : null,
      message ? el('p', {
        class: `message ${message.kind}`, role: 'status', text: message.key ? t(message.key) : message.text,
      }) : null,
      poll.resultsHidden && !open ? null : el('div', { class: 'poll-results' },
        el('h4', { class: 'visually-hidden', text: t('poll.results.heading') }), resultsView(poll)));
  }

  function ballotView(poll, enabled) {
    const mine = state.myVotes.get(poll.id);
    if (poll.kind === 'single') {
      const chosen = mine && mine.choices ? mine.choices[0] : null;
      return el('div', { class: 'choices', role: 'group', 'aria-label': poll.question },
        ...poll.options.map((option) => el('button', {
          type: 'button', class: 'choice', 'aria-pressed': String(option.id === chosen), disabled: !enabled, dir: 'auto',
          dataset: { option: option.id, focusKey: `${poll.id}:${option.id}` },
          on: { click: () => vote(poll, { choices: [option.id] }) },
        }, option.label)));
    }
    if (poll.kind === 'rating') {
      const rated = mine && typeof mine.rating === 'number' ? mine.rating : null;
      const scale = poll.scale || 5;
      return el('div', { class: 'rating', role: 'group', 'aria-label': poll.question },
        ...Array.from({ length: scale }, (_, index) => index + 1).map((value) => el('button', {
          type: 'button', class: 'choice', 'aria-pressed': String(value === rated), disabled: !enabled,
          'aria-label': t('poll.rate', { value, scale }), dataset: { rating: String(value), focusKey: `${poll.id}:r${value}` },
          on: { click: () => vote(poll, { rating: value }) },
        }, formatNumber(value))));
    }
    if (poll.kind === 'multi') {
      return multiForm(poll, enabled, mine);
    }
    return wordsForm(poll, enabled, mine);
  }

  function multiForm(poll, enabled, mine) {
    const max = poll.maxChoices || poll.options.length;
    const draft = state.drafts.get(poll.id);
    const chosen = new Set(draft || (mine && mine.choices ? mine.choices : []));
    const boxes = poll.options.map((option) => el('input', {
      type: 'checkbox', name: `poll-${poll.id}`, value: option.id, checked: chosen.has(option.id), disabled: !enabled,
      dataset: { focusKey: `${poll.id}:${option.id}` },
    }));
    const limit = (event) => {
      if (event) {
        state.drafts.set(poll.id, boxes.filter((box) => box.checked).map((box) => box.value));
      }
      const count = boxes.filter((box) => box.checked).length;
      boxes.forEach((box) => {
        box.disabled = !enabled || (!box.checked && count >= max);
      });
    };
    boxes.forEach((box) => box.addEventListener('change', limit));
    limit();
    return el('form', {
      class: 'multi', novalidate: true,
      on: { submit: (event) => { event.preventDefault(); vote(poll, { choices: boxes.filter((b) => b.checked).map((b) => b.value) }); } },
    },
    el('fieldset', {}, el('legend', { class: 'visually-hidden', text: poll.question }),
      ...poll.options.map((option, index) => el('label', { class: 'check' }, boxes[index],
        el('span', { dir: 'auto', text: option.label })))),
    el('button', { type: 'submit', disabled: !enabled, dataset: { focusKey: `${poll.id}:send` } },
      t(mine ? 'poll.change' : 'poll.send')));
  }

  function wordsForm(poll, enabled, mine) {
    const given = state.drafts.get(poll.id) || (mine && mine.words ? mine.words : []);
    const inputs = Array.from({ length: WORDS }, (_, index) => el('input', {
      type: 'text', maxlength: String(WORD_MAX), id: `poll-${poll.id}-w${index}`, value: given[index] || '',
      disabled: !enabled, dir: 'auto', autocomplete: 'off', dataset: { focusKey: `${poll.id}:w${index}` },
    }));
    inputs.forEach((input) => input.addEventListener('input', () => state.drafts.set(poll.id, inputs.map((i) => i.value))));
    return el('form', {
      class: 'words', novalidate: true,
      on: { submit: (event) => {
        event.preventDefault();
        const words = inputs.map((input) => input.value.trim()).filter(Boolean);
        if (words.length) {
          vote(poll, { words });
        }
      } },
    },
    ...inputs.map((input, index) => el('div', { class: 'field' },
      el('label', { for: input.id, text: t('poll.word', { n: index + 1 }) }), input)),
    el('button', { type: 'submit', disabled: !enabled, dataset: { focusKey: `${poll.id}:send` } },
      t(mine ? 'poll.change' : 'poll.send')));
  }

  return { snapshot, onPublic, onPrivate, render };
}


