// Poll results as the moderator console, the projector and the phones draw them: bars for choices,
// a distribution and the average for ratings, a cloud for words. Text goes in through textContent.

import { t, formatNumber } from './i18n.js';
import { el } from './ui.js';

/** The results of a poll as one element; moderator adds hide/show buttons on words. */
export function resultsView(poll, { onHideWord = null } = {}) {
  if (poll.resultsHidden) {
    return el('p', { class: 'hint results-hidden', text: t('poll.results.hidden') });
  }
  if (poll.kind === 'rating') {
    return ratingView(poll);
  }
  if (poll.kind === 'words') {
    return wordsView(poll, onHideWord);
  }
  return barsView(poll.options.map((option) => ({ label: option.label, count: option.count || 0 })), poll.total || 0);
}

function barsView(rows, total) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  const list = el('ul', { class: 'bars' }, ...rows.map((row) => {
    const percent = total ? Math.round((row.count * 100) / total) : 0;
    const fill = el('span', { class: 'fill', 'aria-hidden': 'true' });
    fill.style.inlineSize = `${(row.count * 100) / max}%`;
    return el('li', {},
      el('span', { class: 'bar-label', dir: 'auto', text: row.label }),
      el('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
      el('span', { class: 'bar-count', text: t('poll.results.count', { count: row.count, percent: formatNumber(percent) }) }));
  }));
  return el('div', { class: 'results' }, list,
    el('p', { class: 'hint results-total', text: t('poll.results.total', { count: total }) }));
}

function ratingView(poll) {
  const distribution = poll.distribution || [];
  const rows = distribution.map((count, index) => ({ label: formatNumber(index + 1), count }));
  const view = barsView(rows, poll.total || 0);
  view.classList.add('rating-results');
  const average = typeof poll.average === 'number'
    ? t('poll.results.average', { average: formatNumber(Math.round(poll.average * 10) / 10), scale: poll.scale || rows.length })
    : t('poll.results.noVotes');
  view.prepend(el('p', { class: 'average', text: average }));
  return view;
}

function wordsView(poll, onHideWord) {
  const words = (poll.words || []).slice().sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  if (words.length === 0) {
    return el('p', { class: 'hint', text: t('poll.results.noWords') });
  }
  const max = Math.max(...words.map((word) => word.count));
  const cloud = el('ul', { class: 'cloud' }, ...words.map((word) => {
    const size = 1 + (word.count / max) * 1.75;
    const label = el('span', { class: 'word', dir: 'auto', text: word.text });
    label.style.fontSize = `${size.toFixed(2)}em`;
    const item = el('li', { class: word.hidden ? 'hidden-word' : '' }, label,
      el('span', { class: 'word-count', text: t('poll.results.wordCount', { count: word.count }) }));
    if (onHideWord) {
      item.append(el('button', {
        type: 'button', class: 'secondary small', dataset: { word: word.text },
        'aria-label': t(word.hidden ? 'poll.word.showLabel' : 'poll.word.hideLabel', { word: word.text }),
        on: { click: () => onHideWord(word.text, !word.hidden) },
      }, t(word.hidden ? 'poll.word.show' : 'poll.word.hide')));
    }
    return item;
  }));
  return el('div', { class: 'results' }, cloud,
    el('p', { class: 'hint results-total', text: t('poll.results.voters', { count: poll.total || 0 }) }));
}
