// The moderator's key messages and the phases of the report: write a message for the plenary or a
// group, drawn from highlighted and top comments ticked in a list; edit messages and read their review
// comments; open the review until a date, then close the session (after a confirm step) to publish
// the report.

import { api } from './api.js';
import { t, formatDateTime, currentLanguage } from './i18n.js';
import { $, el, showMessage, showKeyed, errorText, authorLine, announce } from './ui.js';

const TOP_COUNT = 5;
const REVIEW_DAYS = 21;
const PUBLIC = new Set(['visible', 'answered', 'archived']);

export function createModMessages({ code, token, session, questions, applySession }) {
  const state = { messages: new Map(), groups: new Map(), sources: new Set(), editing: null, confirming: false };

  function snapshot(snap) {
    state.messages = new Map((snap.messages || []).map((m) => [m.id, m]));
    state.groups = new Map((snap.groups || []).map((g) => [g.id, g]));
  }

  function onEvent(event) {
    if (event.type === 'message') {
      state.messages.set(event.message.id, event.message);
    } else if (event.type === 'group') {
      state.groups.set(event.group.id, event.group);
    }
  }

  function wire() {
    $('#message-form').addEventListener('submit', save);
    $('#message-cancel').addEventListener('click', resetDraft);
    $('#message-group').addEventListener('change', () => {
      state.sources = new Set();
      render();
    });
    $('#review-until').value = isoDate(Date.now() + REVIEW_DAYS * 86400000);
    $('#review-form').addEventListener('submit', openReview);
    $('#session-close').addEventListener('click', () => confirmClose(true));
    $('#close-no').addEventListener('click', () => confirmClose(false));
    $('#close-yes').addEventListener('click', closeSession);
    $('#report-link').href = `/report.html?code=${encodeURIComponent(code)}`;
  }

  // Key messages

  async function save(event) {
    event.preventDefault();
    const text = $('#message-text').value.trim();
    if (!text) {
      showKeyed($('#message-error'), 'mod.messages.needText');
      $('#message-text').focus();
      return;
    }
    const questionIds = [...state.sources];
    const groupId = $('#message-group').value;
    $('#message-submit').disabled = true;
    try {
      const message = state.editing
        ? await api.editMessage(code, token(), state.editing, { text, questionIds })
        : await api.createMessage(code, token(), groupId ? { text, questionIds, groupId } : { text, questionIds });
      state.messages.set(message.id, { ...state.messages.get(message.id), ...message });
      showMessage($('#message-error'), '');
      announce(t('mod.messages.saved'));
      resetDraft();
    } catch (failure) {
      showMessage($('#message-error'), errorText(failure));
    } finally {
      $('#message-submit').disabled = session().phase === 'closed';
    }
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
    $('#message-group').value = message.groupId || '';
    $('#message-text').value = message.text;
    render();
    $('#message-text').focus();
  }

  /** The highlighted and the most upvoted public comments of the chosen group (of the whole session for the plenary). */
  function candidates(groupId) {
    const public_ = [...questions().values()].filter((q) => PUBLIC.has(q.status) && (!groupId || q.groupId === groupId));
    const top = [...public_].sort((a, b) => b.votes - a.votes || (a.askedAt || 0) - (b.askedAt || 0))
      .filter((q) => q.votes > 0).slice(0, TOP_COUNT);
    const chosen = public_.filter((q) => q.highlighted || top.includes(q) || state.sources.has(q.id));
    return chosen.sort((a, b) => Number(b.highlighted) - Number(a.highlighted) || b.votes - a.votes);
  }

  function render() {
    const current = session();
    if (!current) {
      return;
    }
    const closed = current.phase === 'closed';
    renderGroupChoice();
    $('#message-group').disabled = Boolean(state.editing);
    $('#message-submit').disabled = closed;
    $('#message-text').disabled = closed;
    $('#message-cancel').hidden = !state.editing;
    $('#message-text-label').textContent = t(state.editing ? 'mod.messages.editing' : 'fac.messages.draft');
    renderSources();
    const messages = [...state.messages.values()];
    $('#message-list').replaceChildren(...(messages.length ? messages.map((m) => messageItem(m, closed))
      : [el('li', { class: 'empty', text: t('fac.messages.empty') })]));
    renderReview(current);
  }

  function renderGroupChoice() {
    const select = $('#message-group');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', text: t('report.plenary') }),
      ...[...state.groups.values()].map((g) => el('option', { value: g.id, dir: 'auto', text: g.name })));
    select.value = state.groups.has(chosen) ? chosen : '';
  }

  /** Redrawn only when something in it changed, so a live update does not take the keyboard focus away. */
  function renderSources() {
    const list = candidates($('#message-group').value);
    const signature = signatureOf(list);
    if (signature === state.drawnSources) {
      return;
    }
    state.drawnSources = signature;
    const items = list.map((q) => {
      const id = `source-${q.id}`;
      const box = el('input', {
        type: 'checkbox', id, value: q.id, checked: state.sources.has(q.id),
        on: { change: (event) => toggleSource(q.id, event.target.checked) },
      });
      return el('li', { class: 'check' }, box, el('label', { for: id },
        el('span', { class: 'source-text', dir: 'auto', text: q.text }),
        el('span', { class: 'source-meta' }, el('bdi', { text: authorLine(q) }), el('span', { text: t('votes', { count: q.votes }) }),
          q.highlighted ? el('span', { class: 'badge highlight', text: t('common.highlighted') }) : null)));
    });
    $('#message-source-list').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty', text: t('mod.messages.noSources') })]));
  }

  function signatureOf(list) {
    return JSON.stringify([currentLanguage(), ...list.map((q) => [q.id, q.votes, q.highlighted, state.sources.has(q.id)])]);
  }

  function toggleSource(id, on) {
    if (on) {
      state.sources.add(id);
    } else {
      state.sources.delete(id);
    }
    state.drawnSources = signatureOf(candidates($('#message-group').value));
  }

  function messageItem(message, closed) {
    const group = message.groupId ? state.groups.get(message.groupId) : null;
    const comments = message.comments || [];
    return el('li', { class: 'question key-message', dataset: { id: message.id } },
      el('p', { class: 'text', dir: 'auto', text: message.text }),
      el('div', { class: 'meta' },
        el('bdi', { text: group ? group.name : t('report.plenary') }),
        el('span', { text: t('fac.messages.sources', { count: message.questionIds.length }) }),
        el('span', { text: t('report.comments', { count: comments.length }) })),
      comments.length ? el('ul', { class: 'review-comments', 'aria-label': t('report.comments', { count: comments.length }) },
        ...comments.map((c) => el('li', {}, el('span', { dir: 'auto', text: c.text }), ' — ',
          el('bdi', { class: 'hint', text: authorLine(c) }))))
        : null,
      closed ? null : el('div', { class: 'actions' }, el('button', {
        type: 'button', class: 'secondary', dataset: { action: 'edit' },
        'aria-label': t('mod.messages.editLabel', { text: truncate(message.text) }),
        on: { click: () => edit(message) },
      }, t('fac.messages.edit'))));
  }

  // Phases

  function renderReview(current) {
    const phase = current.phase;
    $('#review-form').hidden = phase !== 'live';
    $('#close-actions').hidden = phase !== 'review' || state.confirming;
    $('#close-confirm').hidden = phase !== 'review' || !state.confirming;
    const line = $('#review-state');
    if (phase === 'live') {
      line.textContent = t('mod.review.live');
    } else if (phase === 'review') {
      line.textContent = current.reviewUntil ? t('mod.review.inReview', { date: formatDateTime(current.reviewUntil) })
        : t('mod.review.inReviewNoDate');
    } else {
      line.textContent = t('mod.review.closed');
    }
  }

  async function openReview(event) {
    event.preventDefault();
    const value = $('#review-until').value;
    const until = value ? new Date(`${value}T23:59:59`).getTime() : NaN;
    if (!Number.isFinite(until) || until <= Date.now()) {
      showKeyed($('#review-message'), 'mod.review.needDate');
      $('#review-until').setAttribute('aria-invalid', 'true');
      $('#review-until').focus();
      return;
    }
    $('#review-until').removeAttribute('aria-invalid');
    await change({ phase: 'review', reviewUntil: until }, 'mod.review.opened');
    $('#session-close').focus();
  }

  function confirmClose(on) {
    state.confirming = on;
    renderReview(session());
    (on ? $('#close-no') : $('#session-close')).focus();
  }

  async function closeSession() {
    state.confirming = false;
    await change({ phase: 'closed' }, 'mod.review.closedNow');
    $('#report-link').focus();
  }

  async function change(fields, doneKey) {
    try {
      applySession(await api.updateSession(code, token(), fields));
      showKeyed($('#review-message'), doneKey, {}, 'ok');
    } catch (failure) {
      showMessage($('#review-message'), errorText(failure));
      render();
    }
  }

  return { wire, snapshot, onEvent, render };
}

function isoDate(millis) {
  const date = new Date(millis);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function truncate(text) {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
