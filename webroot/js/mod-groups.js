// The moderator's breakout groups: create a group (its facilitator link is shown once, to copy),
// follow each group's items, members and notes, and reconvene: queue a five-minute briefing for every
// facilitator, or for one group.

import { api } from './api.js';
import { t, formatNumber } from './i18n.js';
import { $, el, showMessage, showKeyed, errorText, copyText, announce } from './ui.js';

const BRIEFING_SECONDS = 300;

export function createModGroups({ code, token, questions }) {
  const state = { groups: new Map(), members: new Map(), notes: new Map() };

  function snapshot(session) {
    state.groups = new Map((session.groups || []).map((group) => [group.id, group]));
    state.members = new Map((session.participants || []).map((p) => [p.id, p.groupId]));
    state.notes = new Map(Object.entries(session.notes || {}));
  }

  function onEvent(event) {
    if (event.type === 'group') {
      state.groups.set(event.group.id, event.group);
    } else if (event.type === 'participant') {
      state.members.set(event.participant.id, event.participant.groupId);
    } else if (event.type === 'notes') {
      state.notes.set(event.notes.groupId, event.notes);
    }
  }

  function wire() {
    $('#group-form').addEventListener('submit', create);
    $('#groups-reconvene').addEventListener('click', () => brief({}));
    $('#group-link-copy').addEventListener('click',
      () => copyText($('#group-link').textContent, $('#group-link-copied'), $('#group-link')));
  }

  async function create(event) {
    event.preventDefault();
    const name = $('#group-name').value.trim();
    const facilitatorName = $('#group-facilitator').value.trim();
    if (!name) {
      showKeyed($('#group-error'), 'mod.groups.needName');
      $('#group-name').focus();
      return;
    }
    $('#group-create').disabled = true;
    try {
      const created = await api.createGroup(code, token(), facilitatorName ? { name, facilitatorName } : { name });
      state.groups.set(created.id, { id: created.id, name, facilitator: facilitatorName || null });
      showMessage($('#group-error'), '');
      showLink(name, created.links.facilitator);
      $('#group-name').value = '';
      $('#group-facilitator').value = '';
      render();
      $('#group-link-copy').focus();
    } catch (failure) {
      showMessage($('#group-error'), errorText(failure));
    } finally {
      $('#group-create').disabled = false;
    }
  }

  /** The link carries the facilitator's token, which the server keeps only hashed: it is shown this once. */
  function showLink(name, link) {
    $('#group-link-box').hidden = false;
    const label = $('#group-link-label');
    label.dataset.i18n = 'mod.groups.linkFor';
    label.dataset.i18nParams = JSON.stringify({ name });
    label.textContent = t('mod.groups.linkFor', { name });
    $('#group-link').textContent = link;
    $('#group-link-copied').textContent = '';
    announce(t('mod.groups.linkFor', { name }));
  }

  async function brief(fields) {
    try {
      await api.requestBriefings(code, token(), { ...fields, limitSeconds: BRIEFING_SECONDS });
      showKeyed($('#group-message'), 'mod.groups.briefed', {}, 'ok');
    } catch (failure) {
      showMessage($('#group-message'), errorText(failure));
    }
  }

  function render() {
    const groups = [...state.groups.values()];
    $('#groups-reconvene').disabled = groups.length === 0;
    const all = [...questions().values()];
    const items = groups.map((group) => groupItem(group, all.filter((q) => q.groupId === group.id)));
    $('#group-list').replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: t('mod.groups.empty') })]));
  }

  function groupItem(group, items) {
    const members = [...state.members.values()].filter((groupId) => groupId === group.id).length;
    const waiting = items.filter((q) => q.status === 'pending').length;
    const notes = state.notes.get(group.id);
    return el('li', { class: 'group', dataset: { id: group.id } },
      el('h3', { dir: 'auto', text: group.name }),
      el('p', { class: 'meta' },
        group.facilitator ? el('span', {}, `${t('report.facilitator')}: `, el('bdi', { text: group.facilitator })) : null,
        el('span', { class: 'group-items', text: t('mod.groups.items', { count: items.length }) }),
        waiting ? el('span', { text: t('mod.groups.waiting', { count: waiting }) }) : null,
        el('span', { text: t('mod.groups.members', { count: members }) })),
      notes && notes.text ? el('details', {}, el('summary', { text: t('fac.notes.heading') }),
        el('p', { class: 'notes', dir: 'auto', text: notes.text })) : null,
      el('div', { class: 'actions' }, el('button', {
        type: 'button', class: 'secondary', dataset: { action: 'brief' },
        'aria-label': t('mod.groups.briefLabel', { name: group.name, minutes: formatNumber(BRIEFING_SECONDS / 60) }),
        on: { click: () => brief({ groupId: group.id }) },
      }, t('mod.groups.brief', { minutes: formatNumber(BRIEFING_SECONDS / 60) }))));
  }

  return { wire, snapshot, onEvent, render };
}
