// Report page: the session's report as JSON rendered with textContent, downloads in four formats,
// and during review a comment form under each draft key message for participants who joined.

import { api } from './api.js';
import { bootPage, failureText } from './boot.js';
import { t, currentLanguage, formatDateTime } from './i18n.js';
import { participant } from './tokens.js';
import { $, el, showMessage, showKeyed, errorText } from './ui.js';

let code;
let identity = null;
let report = null;

async function start() {
  const page = await bootPage({ onLanguage: load });
  if (!page) {
    return;
  }
  code = page.code;
  identity = participant.get(code);
  await load();
}

async function load() {
  try {
    report = await api.report(code, currentLanguage());
    showMessage($('#fatal'), '');
    render();
  } catch (failure) {
    showMessage($('#fatal'), failureText(failure));
  }
}

function render() {
  document.title = `${report.title} · ${t('report.heading')}`;
  $('#report').hidden = false;
  $('#report-title').textContent = report.title;
  $('#report-status').textContent = `${report.date} · ${statusLine()}`;
  for (const format of ['md', 'html', 'csv', 'json']) {
    $(`#download-${format}`).href = api.reportUrl(code, format, currentLanguage());
  }
  const reviewing = report.phase === 'review';
  $('#review-hint').hidden = !reviewing;
  $('#review-hint-text').textContent = identity ? t('report.reviewHint') : t('report.joinToComment');
  $('#join-link').hidden = Boolean(identity);
  $('#join-link').href = `/attend.html?code=${encodeURIComponent(code)}`;
  $('#sections').replaceChildren(...report.sections.map(section));
  renderFloor();
  renderPolls();
}

function statusLine() {
  if (report.phase === 'review' && report.reviewUntil) {
    return t('report.reviewUntil', { date: formatDateTime(report.reviewUntil) });
  }
  return t(`report.status.${report.phase}`);
}

function section(data) {
  const name = data.groupId ? data.name : t('report.plenary');
  return el('section', { class: 'card' },
    el('h2', { dir: 'auto', text: name }),
    data.facilitator ? el('p', { class: 'hint' }, `${t('report.facilitator')}: `, el('bdi', { text: data.facilitator })) : null,
    el('h3', { text: t('report.keyMessages') }),
    list(data.messages, messageItem, 'report.noMessages'),
    el('h3', { text: t('report.highlighted') }),
    list(data.highlighted, (c) => el('li', {},
      el('span', { dir: 'auto', text: c.text }), ' ',
      el('span', { class: 'hint' }, '(', el('bdi', { text: byline(c.author) }), `, ${t('votes', { count: c.votes })})`)),
    'report.noHighlights'));
}

function list(items, render, emptyKey) {
  return items.length ? el('ul', {}, ...items.map(render)) : el('p', { class: 'hint', text: t(emptyKey) });
}

function byline(author) {
  if (!author) {
    return t('common.anonymous');
  }
  return author.affiliation ? t('common.author', { name: author.name, affiliation: author.affiliation }) : author.name;
}

function messageItem(message) {
  const comments = message.comments.map((c) => el('li', {}, el('span', { dir: 'auto', text: c.text }), ' ',
    el('span', { class: 'hint' }, '(', el('bdi', { text: byline(c.author) }), ')')));
  return el('li', { dataset: { id: message.id } },
    el('p', { dir: 'auto', text: message.text }),
    comments.length ? el('ul', { 'aria-label': t('report.comments', { count: comments.length }) }, ...comments) : null,
    report.phase === 'review' && identity ? commentForm(message) : null);
}

function commentForm(message) {
  const id = `comment-${message.id}`;
  const text = el('textarea', { id, rows: 2, maxlength: 1000, dir: 'auto' });
  const feedback = el('p', { class: 'message', role: 'status' });
  const submit = async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      text.focus();
      return;
    }
    try {
      await api.commentMessage(code, identity.token, message.id, text.value.trim());
      await load();
      showKeyed($('#report-message'), 'report.commentSent', {}, 'ok');
      const sent = document.querySelector(`[data-id="${message.id}"] textarea`);
      if (sent) {
        sent.focus();
      }
    } catch (failure) {
      showMessage(feedback, errorText(failure));
    }
  };
  return el('form', { class: 'comment-form', on: { submit } },
    el('label', { for: id, text: t('report.commentLabel') }), text,
    el('button', { type: 'submit', text: t('report.commentSubmit') }), feedback);
}

function minutes(ms) {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function table(headings, rows) {
  return el('table', { class: 'report-table' },
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col', text: t(h) })))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', { dir: 'auto', text: c }))))));
}

function renderFloor() {
  if (!report.floor.length) {
    $('#floor').replaceChildren(el('p', { class: 'hint', text: t('report.floorNone') }));
    return;
  }
  const who = (s) => (s.group ? `${s.name || t('report.facilitator')} (${s.group})`
    : `${s.name || t('common.anonymous')}${s.affiliation ? `, ${s.affiliation}` : ''}`);
  const speeches = table(['report.who', 'report.kind', 'report.topic', 'report.duration'],
    report.floor.map((s) => [who(s), t(`report.kind.${s.kind}`), s.topic || s.group || '', minutes(s.durationMs)]));
  const balance = Object.entries(report.balance).filter(([key, tally]) => key !== 'total' && tally.turns > 0)
    .map(([key, tally]) => [t(key === 'unspecified' ? 'stakeholder.none' : `stakeholder.${key}`), String(tally.speakers),
      String(tally.turns), minutes(tally.durationMs)]);
  $('#floor').replaceChildren(speeches, el('h3', { text: t('report.balance') }),
    table(['report.stakeholder', 'report.speakers', 'report.turns', 'report.time'], balance));
}

function renderPolls() {
  if (!report.polls.length) {
    $('#polls').replaceChildren(el('p', { class: 'hint', text: t('report.pollsNone') }));
    return;
  }
  $('#polls').replaceChildren(...report.polls.map((poll) => el('div', {},
    el('h3', { dir: 'auto', text: poll.question }),
    el('p', { class: 'hint', text: t('report.responses', { count: poll.total }) }),
    el('ul', {}, ...poll.results.map((r) => el('li', {}, el('bdi', { text: r.label }), `: ${r.count}`))))));
}

start();
