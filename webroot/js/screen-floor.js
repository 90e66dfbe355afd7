// The projector's floor and poll panels: who has the floor (name, affiliation, stakeholder group)
// with a large countdown (amber in the last 30 s, red when over), the next three in line, and the
// results of the open (or just closed) poll when they are public.

import { t } from './i18n.js';
import { $, el } from './ui.js';
import { syncClock, remainingMillis, timerLevel, formatClock, everyTick } from './clock.js';
import { resultsView } from './results.js';

const NEXT = 3;

export function createScreenFloor() {
  const state = { queue: null, polls: new Map(), justClosed: null, drawn: null };
  everyTick(renderClock);

  function snapshot(session) {
    syncClock(session.serverTime);
    state.queue = session.queue || null;
    state.polls = new Map((session.polls || []).map((poll) => [poll.id, poll]));
  }

  function onEvent(event) {
    if (event.type === 'queue') {
      state.queue = event.queue;
    } else if (event.type === 'poll' || event.type === 'pollResults') {
      const poll = { ...state.polls.get(event.poll.id), ...event.poll };
      state.polls.set(poll.id, poll);
      if (poll.state === 'closed') {
        state.justClosed = poll.id;
      } else if (poll.state === 'open' && state.justClosed === poll.id) {
        state.justClosed = null;
      }
    }
  }

  function shownPoll() {
    const open = [...state.polls.values()].filter((poll) => poll.state === 'open');
    if (open.length) {
      return open[open.length - 1];
    }
    const closed = state.justClosed && state.polls.get(state.justClosed);
    return closed && closed.state === 'closed' && !closed.resultsHidden ? closed : null;
  }

  /** Draws both panels; true when either shows, so the page leaves less room for questions. */
  function render() {
    const current = state.queue ? state.queue.current : null;
    const poll = shownPoll();
    const signature = JSON.stringify([document.documentElement.lang, state.queue, poll]);
    if (signature !== state.drawn) {
      state.drawn = signature;
      renderSpeaker(current, state.queue ? state.queue.waiting.slice(0, NEXT) : []);
      renderPoll(poll);
    }
    renderClock();
    return Boolean(current || poll || (state.queue && state.queue.waiting.length));
  }

  function renderSpeaker(current, next) {
    const panel = $('#screen-floor');
    panel.hidden = !current && next.length === 0;
    $('#screen-floor').dataset.speaking = String(Boolean(current));
    $('#screen-speaker-name').textContent = current ? (current.name || t('common.anonymous')) : t('screen.nobody');
    $('#screen-speaker-affiliation').textContent = current && current.affiliation ? current.affiliation : '';
    $('#screen-speaker-group').textContent = current && current.stakeholder ? t(`stakeholder.${current.stakeholder}`) : '';
    $('#screen-clock').hidden = !current;
    $('#screen-next-block').hidden = next.length === 0;
    $('#screen-next').replaceChildren(...next.map((entry) => el('li', { dataset: { id: entry.id } },
      el('bdi', { class: 'name', text: entry.name || t('common.anonymous') }),
      entry.affiliation ? el('bdi', { class: 'meta', text: entry.affiliation }) : null,
      entry.kind !== 'speak' ? el('span', { class: 'kind', text: t(`queue.kind.${entry.kind}`) }) : null)));
  }

  function renderClock() {
    const current = state.queue ? state.queue.current : null;
    if (!current) {
      return;
    }
    const remaining = remainingMillis(current);
    const level = timerLevel(remaining);
    $('#screen-clock').dataset.level = level;
    $('#screen-clock-time').textContent = formatClock(remaining);
    $('#screen-clock-label').textContent = t(level === 'over' ? 'timer.over'
      : (current.state === 'paused' ? 'timer.paused' : 'timer.left'));
  }

  function renderPoll(poll) {
    $('#screen-poll').hidden = !poll;
    if (!poll) {
      return;
    }
    $('#screen-poll').dataset.state = poll.state;
    $('#screen-poll-question').textContent = poll.question;
    const closed = poll.state === 'closed' ? [el('p', { class: 'hint', text: t('poll.state.closed') })] : [];
    $('#screen-poll-results').replaceChildren(resultsView(poll), ...closed);
  }

  return { snapshot, onEvent, render };
}
