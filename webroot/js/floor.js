// The attendee's "ask for the floor" card: request (speak, direct reply, point of order; topic;
// in the room or remote), live place in line, "you are next", "you have the floor" with the
// countdown, withdraw. The two big moments are said aloud through an assertive live region.

import { request } from './api.js';
import { randomId } from './bus.js';
import { t } from './i18n.js';
import { $, showMessage, showKeyed, errorText } from './ui.js';
import { syncClock, remainingMillis, timerLevel, formatClock, everyTick } from './clock.js';
import { sendCommand } from './commands.js';
import { COMMAND } from './protocol.js';

const TOPIC_MAX = 140;

export function createFloor({ code, bus, identity }) {
  const state = { queue: null, standing: null, me: null, announced: null, busy: false };

  function snapshot(session) {
    syncClock(session.serverTime);
    state.queue = session.queue || null;
    state.me = session.me || null;
    const standing = session.me ? session.me.queue : null;
    updateStanding(standing, state.standing === null);
  }

  function onPublic(event) {
    if (event.type === 'queue') {
      state.queue = event.queue;
    }
  }

  function onPrivate(event) {
    if (event.type === 'myQueue') {
      updateStanding({ entry: event.entry, position: event.position, next: event.next,
        speaking: event.speaking, pending: event.pending }, false);
    }
  }

  /** Announces "you are next" and "you have the floor" when they become true (not on first load). */
  function updateStanding(standing, quietly) {
    state.standing = standing;
    const moment = standing && standing.speaking ? 'speaking' : (standing && standing.next ? 'next' : null);
    if (moment && moment !== state.announced && !quietly) {
      say(t(moment === 'speaking' ? 'floor.announce.speaking' : 'floor.announce.next'));
      showMessage($('#floor-message'), '');
    }
    state.announced = moment;
  }

  function say(text) {
    const region = $('#alert-announcer');
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  function wire() {
    $('#floor-form').addEventListener('submit', ask);
    $('#floor-topic').addEventListener('input', renderCounter);
    $('#floor-withdraw').addEventListener('click', withdraw);
    everyTick(renderClock);
  }

  async function ask(event) {
    event.preventDefault();
    const me = identity();
    const topic = $('#floor-topic').value.trim();
    if ([...topic].length > TOPIC_MAX) {
      showKeyed($('#floor-message'), 'floor.topicTooLong', { max: TOPIC_MAX });
      $('#floor-topic').focus();
      return;
    }
    const fields = { kind: checked('floor-kind') || 'speak', remote: checked('floor-where') === 'remote' };
    if (topic) {
      fields.topic = topic;
    }
    fields.requestId = randomId();
    state.busy = true;
    render();
    try {
      const entry = await sendCommand(bus, COMMAND.queueRequest, fields, me.token,
        () => request('POST', `/sessions/${encodeURIComponent(code)}/queue`, { token: me.token, body: fields }));
      $('#floor-topic').value = '';
      if (!state.standing || !state.standing.entry) {
        updateStanding({ entry, position: entry.position, next: entry.position === 1, speaking: false,
          pending: Boolean(entry.pending) }, false);
      }
      showKeyed($('#floor-message'), 'floor.requested', {}, 'ok');
    } catch (failure) {
      showMessage($('#floor-message'), failure.status === 409 || failure.status === 400
        ? t('floor.refused', { message: failure.message || '' }) : errorText(failure));
    } finally {
      state.busy = false;
      render();
    }
  }

  async function withdraw() {
    const me = identity();
    const entry = state.standing && state.standing.entry;
    if (!entry) {
      return;
    }
    try {
      await sendCommand(bus, COMMAND.queueWithdraw, { id: entry.id }, me.token,
        () => request('DELETE', `/sessions/${encodeURIComponent(code)}/queue/${encodeURIComponent(entry.id)}`, { token: me.token }));
      updateStanding({ entry: null, position: null, next: false, speaking: false, pending: false }, true);
      showKeyed($('#floor-message'), 'floor.withdrawn', {}, 'ok');
      $('#floor-submit').focus();
    } catch (failure) {
      showMessage($('#floor-message'), errorText(failure));
    }
    render();
  }

  function checked(name) {
    const input = document.querySelector(`input[name="${name}"]:checked`);
    return input ? input.value : null;
  }

  function render() {
    const me = identity();
    const card = $('#floor');
    card.hidden = !me || !state.queue;
    if (card.hidden) {
      return;
    }
    const queue = state.queue;
    const standing = state.standing || {};
    const inLine = Boolean(standing.entry);
    const named = Boolean(state.me ? state.me.name : me.name);
    $('#floor-form').hidden = inLine;
    $('#floor-withdraw').hidden = !inLine || Boolean(standing.speaking);
    $('#floor-needs-name').hidden = named;
    const replyPossible = Boolean(queue.current) && !(queue.current.participantId === me.id);
    const reply = $('#floor-kind-reply');
    reply.disabled = !replyPossible;
    reply.closest('label').hidden = !replyPossible;
    if (!replyPossible && reply.checked) {
      $('#floor-kind-speak').checked = true;
    }
    $('#floor-kind-speak').disabled = !queue.open;
    if (!queue.open && $('#floor-kind-speak').checked) {
      $('#floor-kind-order').checked = true;
    }
    $('#floor-closed').hidden = queue.open;
    $('#floor-submit').disabled = state.busy || !named;
    renderCounter();
    renderStatus(queue, standing);
    renderClock();
  }

  function renderStatus(queue, standing) {
    const status = $('#floor-status');
    status.dataset.state = standing.speaking ? 'speaking' : (standing.next ? 'next' : (standing.entry ? 'waiting' : 'none'));
    let line;
    if (standing.speaking) {
      line = t('floor.status.speaking');
    } else if (standing.pending) {
      line = t('floor.status.pendingOrder');
    } else if (standing.next) {
      line = t('floor.status.next');
    } else if (standing.entry && standing.position) {
      line = t('floor.status.position', { position: standing.position, count: queue.waiting.length });
    } else {
      line = t('floor.status.none', { count: queue.waiting.length });
    }
    $('#floor-position').textContent = line;
    const current = queue.current;
    $('#floor-now').textContent = current && !standing.speaking
      ? t('floor.now', { name: current.name || t('common.anonymous') }) : '';
  }

  function renderClock() {
    const clock = $('#floor-clock');
    const queue = state.queue;
    const speaking = state.standing && state.standing.speaking && queue && queue.current;
    clock.hidden = !speaking;
    if (!speaking) {
      return;
    }
    const remaining = remainingMillis(queue.current);
    const level = timerLevel(remaining);
    clock.dataset.level = level;
    $('#floor-clock-time').textContent = formatClock(remaining);
    $('#floor-clock-label').textContent = t(level === 'over' ? 'timer.over'
      : (queue.current.state === 'paused' ? 'timer.paused' : 'timer.left'));
  }

  function renderCounter() {
    const length = [...$('#floor-topic').value].length;
    const counter = $('#floor-topic-counter');
    counter.textContent = t('attend.ask.counter', { count: length, max: TOPIC_MAX });
    counter.classList.toggle('over', length > TOPIC_MAX);
    $('#floor-topic').setAttribute('aria-invalid', String(length > TOPIC_MAX));
  }

  return { wire, snapshot, onPublic, onPrivate, render };
}
