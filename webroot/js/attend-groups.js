// The attendee's breakout group: pick one when joining, see it and switch later; and, once the
// session is in review or closed, a link to the report page to comment on (or read) the key messages.

import { api } from './api.js';
import { t, formatDateTime, currentLanguage } from './i18n.js';
import { $, el, showMessage, showKeyed, errorText, announce } from './ui.js';

export function createGroups({ code, identity }) {
  const state = { groups: new Map(), myGroupId: null, session: null };

  function wire() {
    $('#group-switch').addEventListener('submit', switchGroup);
  }

  function snapshot(session) {
    state.session = session;
    state.groups = new Map((session.groups || []).map((group) => [group.id, group]));
    state.myGroupId = session.me ? session.me.groupId : null;
  }

  function onPublic(event) {
    if (event.type === 'group') {
      state.groups.set(event.group.id, event.group);
    } else if (event.type === 'session') {
      state.session = { ...state.session, ...event.session };
    }
  }

  function onPrivate(event) {
    if (event.type === 'participant') {
      state.myGroupId = event.participant.groupId;
    }
  }

  async function switchGroup(event) {
    event.preventDefault();
    const groupId = $('#switch-group').value || null;
    $('#switch-submit').disabled = true;
    try {
      await api.switchGroup(code, identity().token, groupId);
      state.myGroupId = groupId;
      const key = groupId ? 'attend.group.switched' : 'attend.group.left';
      showKeyed($('#group-message'), key, groupId ? { name: state.groups.get(groupId).name } : {}, 'ok');
      announce(t(key, groupId ? { name: state.groups.get(groupId).name } : {}));
      render();
    } catch (failure) {
      showMessage($('#group-message'), errorText(failure));
    } finally {
      $('#switch-submit').disabled = false;
    }
  }

  function options(select, chosen) {
    const before = select.value;
    select.replaceChildren(el('option', { value: '', text: t('attend.group.none') }),
      ...[...state.groups.values()].map((group) => el('option', { value: group.id, dir: 'auto', text: group.name })));
    select.value = chosen !== undefined ? chosen || '' : before;
    if (select.selectedIndex < 0) {
      select.value = '';
    }
  }

  function render() {
    if (!state.session) {
      return;
    }
    const hasGroups = state.groups.size > 0;
    const live = state.session.phase === 'live';
    $('#join-group-field').hidden = !hasGroups;
    options($('#join-group'));
    const joined = Boolean(identity());
    $('#group-switch').hidden = !joined || !hasGroups || !live;
    if (document.activeElement !== $('#switch-group')) {
      options($('#switch-group'), state.myGroupId);
    }
    const mine = state.myGroupId ? state.groups.get(state.myGroupId) : null;
    $('#my-group').hidden = !joined || !mine;
    $('#my-group').textContent = mine ? t('attend.group.current', { name: mine.name }) : '';
    renderReportNotice();
  }

  function renderReportNotice() {
    const { phase, reviewUntil } = state.session;
    $('#report-notice').hidden = phase === 'live';
    $('#report-notice-link').href = `/report.html?code=${encodeURIComponent(code)}&lang=${currentLanguage()}`;
    if (phase === 'review') {
      $('#report-notice-text').textContent = reviewUntil
        ? t('attend.review.until', { date: formatDateTime(reviewUntil) }) : t('attend.review.open');
      $('#report-notice-link').textContent = t('attend.review.link');
    } else if (phase === 'closed') {
      $('#report-notice-text').textContent = t('attend.review.closed');
      $('#report-notice-link').textContent = t('attend.review.final');
    }
  }

  return { wire, snapshot, onPublic, onPrivate, render };
}
