// The moderator's speakers list: who has the floor with the clock and its controls, who waits
// (call, pick, remove, per-entry time, reorder by drag and drop or by keyboard), points of order
// to accept, list settings, and the balance of speakers and time per stakeholder group and presence.

import { request } from './api.js';
import { t, formatNumber } from './i18n.js';
import { $, el, announce, showMessage, showKeyed, errorText } from './ui.js';
import { syncClock, remainingMillis, timerLevel, formatClock, formatSeconds, everyTick } from './clock.js';
import { sendCommand } from './commands.js';
import { COMMAND } from './protocol.js';

const STAKEHOLDERS = ['government', 'civil-society', 'private-sector', 'technical-community', 'academia',
  'intergovernmental', 'other', 'unspecified'];

export function createModQueue({ code, bus, token }) {
  const state = { queue: null, refocus: null, dragging: null, drawn: null };
  const path = (suffix = '') => `/sessions/${encodeURIComponent(code)}/queue${suffix}`;

  function snapshot(session) {
    syncClock(session.serverTime);
    state.queue = session.queue || null;
  }

  function onEvent(event) {
    if (event.type === 'queue') {
      state.queue = event.queue;
    }
  }

  async function run(type, fields, method, suffix, body) {
    try {
      const answer = await sendCommand(bus, type, fields, token(),
        () => request(method, path(suffix), { token: token(), body }));
      showMessage($('#floor-error'), '');
      return answer;
    } catch (failure) {
      showMessage($('#floor-error'), errorText(failure));
      return null;
    }
  }

  const next = (id) => run(COMMAND.queueNext, id ? { id } : {}, 'POST', '/next', id ? { id } : {});
  const timer = (action, seconds) => {
    const fields = seconds ? { action, seconds } : { action };
    return run(COMMAND.queueTimer, fields, 'POST', '/timer', fields);
  };
  const update = (change) => run(COMMAND.queueUpdate, change, 'PATCH', '', change);
  const remove = (entry) => run(COMMAND.queueWithdraw, { id: entry.id }, 'DELETE', `/${encodeURIComponent(entry.id)}`, undefined);
  const accept = (entry) => run(COMMAND.queueAccept, { id: entry.id }, 'POST', `/${encodeURIComponent(entry.id)}/accept`, {});
  const setLimit = (entry, limitSeconds) => run(COMMAND.queueEdit, { id: entry.id, limitSeconds }, 'PATCH',
    `/${encodeURIComponent(entry.id)}`, { limitSeconds });

  function wire() {
    $('#queue-next').addEventListener('click', () => next());
    $('#timer-start').addEventListener('click', () => timer('start'));
    $('#timer-pause').addEventListener('click', () => timer('pause'));
    $('#timer-resume').addEventListener('click', () => timer('resume'));
    $('#timer-extend').addEventListener('click', () => timer('extend', 30));
    $('#timer-finish').addEventListener('click', () => timer('finish'));
    $('#queue-open').addEventListener('click', () => update({ open: !state.queue.open }));
    $('#queue-clear').addEventListener('click', () => {
      if (window.confirm(t('queue.clearConfirm'))) {
        run(COMMAND.queueClear, {}, 'POST', '/clear', {});
      }
    });
    $('#queue-settings').addEventListener('submit', (event) => {
      event.preventDefault();
      const seconds = Number($('#queue-seconds').value);
      if (Number.isInteger(seconds)) {
        update({ speakingSeconds: seconds }).then((answer) => answer && showKeyed($('#floor-error'), 'mod.saved', {}, 'ok'));
      }
    });
    $('#queue-first-time').addEventListener('change', (event) => update({ firstTimeFirst: event.target.checked }));
    everyTick(renderClock);
  }

  /** Moves a waiting entry by delta places and sends the whole new order. */
  async function move(entry, delta, via) {
    const ids = state.queue.waiting.map((e) => e.id);
    const from = ids.indexOf(entry.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) {
      return;
    }
    ids.splice(to, 0, ids.splice(from, 1)[0]);
    reorderLocally(ids);
    state.refocus = { id: entry.id, via };
    render();
    announce(t('queue.moved', { name: entry.name || t('common.anonymous'), position: to + 1, count: ids.length }));
    await update({ order: ids });
  }

  async function dropOn(targetId) {
    const ids = state.queue.waiting.map((e) => e.id);
    const from = ids.indexOf(state.dragging);
    const to = ids.indexOf(targetId);
    if (from < 0 || to < 0 || from === to) {
      return;
    }
    const entry = state.queue.waiting[from];
    ids.splice(to, 0, ids.splice(from, 1)[0]);
    reorderLocally(ids);
    render();
    announce(t('queue.moved', { name: entry.name || t('common.anonymous'), position: to + 1, count: ids.length }));
    await update({ order: ids });
  }

  function reorderLocally(ids) {
    const byId = new Map(state.queue.waiting.map((e) => [e.id, e]));
    state.queue = { ...state.queue, waiting: ids.map((id, index) => ({ ...byId.get(id), position: index + 1 })) };
  }

  function render() {
    const queue = state.queue;
    if (!queue) {
      return;
    }
    const signature = JSON.stringify([document.documentElement.lang, queue]);
    if (signature === state.drawn && !state.refocus) {
      return;
    }
    state.drawn = signature;
    renderSpeaker(queue.current);
    renderSettings(queue);
    renderWaiting(queue.waiting);
    renderOrders(queue.pendingOrders || []);
    renderBalance(queue.balance);
    renderClock();
  }

  function renderSpeaker(current) {
    $('#speaker-none').hidden = Boolean(current);
    $('#speaker-card').hidden = !current;
    if (!current) {
      return;
    }
    $('#speaker-name').textContent = current.name || t('common.anonymous');
    $('#speaker-meta').replaceChildren(...entryMeta(current));
    $('#speaker-topic').textContent = current.topic || '';
    const paused = current.state === 'paused';
    $('#timer-pause').hidden = paused;
    $('#timer-resume').hidden = !paused;
  }

  function renderClock() {
    const current = state.queue && state.queue.current;
    const clock = $('#mod-clock');
    if (!current) {
      return;
    }
    const remaining = remainingMillis(current);
    const level = timerLevel(remaining);
    clock.dataset.level = level;
    $('#mod-clock-time').textContent = formatClock(remaining);
    $('#mod-clock-label').textContent = t(level === 'over' ? 'timer.over'
      : (current.state === 'paused' ? 'timer.paused' : 'timer.left'));
    $('#mod-clock-limit').textContent = t('queue.limit', { time: formatSeconds(current.limitSeconds) });
  }

  function renderSettings(queue) {
    $('#queue-open').textContent = t(queue.open ? 'queue.close' : 'queue.reopen');
    $('#queue-state').textContent = t(queue.open ? 'queue.isOpen' : 'queue.isClosed');
    $('#queue-state').dataset.open = String(queue.open);
    if (document.activeElement !== $('#queue-seconds')) {
      $('#queue-seconds').value = String(queue.speakingSeconds);
    }
    $('#queue-first-time').checked = Boolean(queue.firstTimeFirst);
    $('#queue-next').disabled = queue.waiting.length === 0;
    $('#queue-count').textContent = t('queue.waitingCount', { count: queue.waiting.length });
  }

  function entryMeta(entry) {
    const parts = [];
    if (entry.affiliation) {
      parts.push(el('bdi', { text: entry.affiliation }));
    }
    if (entry.stakeholder) {
      parts.push(el('span', { text: t(`stakeholder.${entry.stakeholder}`) }));
    }
    if (entry.kind !== 'speak') {
      parts.push(el('span', { class: `badge kind-${entry.kind}`, text: t(`queue.kind.${entry.kind}`) }));
    }
    parts.push(el('span', { class: 'badge presence', text: t(entry.remote ? 'floor.where.remote' : 'floor.where.room') }));
    parts.push(entry.firstTime
      ? el('span', { class: 'badge first-time', text: t('queue.firstTime') })
      : el('span', { class: 'contributions', text: t('queue.contributions', { count: entry.contributions }) }));
    return parts;
  }

  function renderWaiting(waiting) {
    const list = $('#waiting-list');
    const items = waiting.map((entry, index) => waitingItem(entry, index, waiting.length));
    list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t('queue.empty') })]));
    if (state.refocus) {
      const { id, via } = state.refocus;
      state.refocus = null;
      const item = list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
      const target = item && (item.querySelector(`[data-move="${via}"]:not(:disabled)`) || item.querySelector('.handle'));
      if (target) {
        target.focus();
      }
    }
  }

  function waitingItem(entry, index, count) {
    const name = entry.name || t('common.anonymous');
    const limitId = `limit-${entry.id}`;
    const limit = el('input', {
      type: 'number', id: limitId, min: '10', max: '3600', step: '10', value: String(entry.limitSeconds), class: 'seconds',
    });
    const item = el('li', { class: 'entry', dataset: { id: entry.id }, draggable: 'true' },
      el('span', { class: 'position', text: formatNumber(index + 1) }),
      el('div', { class: 'who' },
        el('p', { class: 'name' }, el('bdi', { text: name })),
        el('p', { class: 'meta' }, ...entryMeta(entry)),
        entry.topic ? el('p', { class: 'topic', dir: 'auto', text: entry.topic }) : null),
      el('div', { class: 'actions' },
        el('button', {
          type: 'button', class: 'handle secondary', dataset: { move: 'handle' },
          'aria-label': t('queue.handle', { name, position: index + 1, count }), 'aria-describedby': 'reorder-help',
          on: { keydown: (event) => onHandleKey(event, entry) },
        }, el('span', { 'aria-hidden': 'true', text: '⠿' })),
        el('button', {
          type: 'button', class: 'secondary', dataset: { move: 'up' }, disabled: index === 0,
          'aria-label': t('queue.moveUpLabel', { name }), on: { click: () => move(entry, -1, 'up') },
        }, el('span', { 'aria-hidden': 'true', text: '↑' })),
        el('button', {
          type: 'button', class: 'secondary', dataset: { move: 'down' }, disabled: index === count - 1,
          'aria-label': t('queue.moveDownLabel', { name }), on: { click: () => move(entry, 1, 'down') },
        }, el('span', { 'aria-hidden': 'true', text: '↓' })),
        el('button', {
          type: 'button', dataset: { action: 'call' }, 'aria-label': t('queue.callLabel', { name }),
          on: { click: () => next(entry.id) },
        }, t('queue.call')),
        el('button', {
          type: 'button', class: 'danger', dataset: { action: 'remove' }, 'aria-label': t('queue.removeLabel', { name }),
          on: { click: () => remove(entry) },
        }, t('queue.remove'))),
      el('form', {
        class: 'limit', novalidate: true,
        on: { submit: (event) => { event.preventDefault(); setLimit(entry, Number(limit.value)); } },
      }, el('label', { for: limitId, text: t('queue.limitLabel') }), limit,
      el('button', { type: 'submit', class: 'secondary', 'aria-label': t('queue.setLimitLabel', { name }) }, t('queue.setLimit'))));
    item.addEventListener('dragstart', (event) => {
      state.dragging = entry.id;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', entry.id);
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', () => item.classList.remove('dragging'));
    item.addEventListener('dragover', (event) => event.preventDefault());
    item.addEventListener('drop', (event) => {
      event.preventDefault();
      dropOn(entry.id);
    });
    return item;
  }

  function onHandleKey(event, entry) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(entry, event.key === 'ArrowUp' ? -1 : 1, 'handle');
    }
  }

  function renderOrders(orders) {
    $('#orders').hidden = orders.length === 0;
    $('#orders-list').replaceChildren(...orders.map((entry) => {
      const name = entry.name || t('common.anonymous');
      return el('li', { class: 'entry', dataset: { id: entry.id } },
        el('div', { class: 'who' }, el('p', { class: 'name' }, el('bdi', { text: name })),
          entry.topic ? el('p', { class: 'topic', dir: 'auto', text: entry.topic }) : null),
        el('div', { class: 'actions' },
          el('button', { type: 'button', dataset: { action: 'accept' }, 'aria-label': t('queue.acceptLabel', { name }),
            on: { click: () => accept(entry) } }, t('queue.accept')),
          el('button', { type: 'button', class: 'danger', 'aria-label': t('queue.removeLabel', { name }),
            on: { click: () => remove(entry) } }, t('queue.remove'))));
    }));
  }

  function renderBalance(balance) {
    if (!balance) {
      return;
    }
    const row = (label, tally) => el('tr', {}, el('th', { scope: 'row', text: label }),
      el('td', { text: formatNumber(tally.speakers) }), el('td', { text: formatNumber(tally.turns) }),
      el('td', { text: formatSeconds(Math.round(tally.durationMs / 1000)) }));
    const rows = STAKEHOLDERS.filter((key) => balance.byStakeholder[key] && balance.byStakeholder[key].turns > 0)
      .map((key) => row(t(key === 'unspecified' ? 'queue.balance.unspecified' : `stakeholder.${key}`), balance.byStakeholder[key]));
    $('#balance-groups').replaceChildren(...rows);
    $('#balance-presence').replaceChildren(row(t('floor.where.room'), balance.byPresence.room),
      row(t('floor.where.remote'), balance.byPresence.remote), row(t('queue.balance.total'), balance.total));
  }

  return { wire, snapshot, onEvent, render };
}
