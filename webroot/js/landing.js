// Landing page: join a session by its code, or create one and show its links once.

import { api, canonicalCode, isWellFormedCode } from './api.js';
import { initI18n, t, onLanguageChange } from './i18n.js';
import { $, showMessage, errorText, copyText } from './ui.js';

let created = null;

async function start() {
  await initI18n();
  $('#join-code').addEventListener('input', normaliseCodeInput);
  $('#join-form').addEventListener('submit', join);
  $('#create-form').addEventListener('submit', create);
  $('#copy-moderator').addEventListener('click', () => copyText(created.links.moderator, $('#copy-feedback'), $('#moderator-link')));
  $('#copy-attendee').addEventListener('click', () => copyText(created.links.attendee, $('#copy-feedback'), $('#attendee-link')));
  onLanguageChange(renderCreated);
}

function normaliseCodeInput(event) {
  const input = event.target;
  input.value = canonicalCode(input.value);
  input.removeAttribute('aria-invalid');
  showMessage($('#join-error'), '');
}

async function join(event) {
  event.preventDefault();
  const input = $('#join-code');
  const code = canonicalCode(input.value);
  if (!isWellFormedCode(code)) {
    refuseCode(t('landing.join.invalid'));
    return;
  }
  $('#join-submit').disabled = true;
  try {
    await api.snapshot(code);
    window.location.assign(`/attend.html?code=${encodeURIComponent(code)}`);
  } catch (failure) {
    refuseCode(failure.status === 404 ? t('landing.join.unknown', { code }) : errorText(failure));
  } finally {
    $('#join-submit').disabled = false;
  }
}

function refuseCode(text) {
  const input = $('#join-code');
  input.setAttribute('aria-invalid', 'true');
  showMessage($('#join-error'), text);
  input.focus();
}

async function create(event) {
  event.preventDefault();
  const title = $('#create-title').value.trim();
  const moderation = $('#moderation-pre').checked ? 'pre' : 'post';
  if (!title) {
    $('#create-title').setAttribute('aria-invalid', 'true');
    $('#create-title').focus();
    return;
  }
  $('#create-title').removeAttribute('aria-invalid');
  $('#create-submit').disabled = true;
  try {
    created = await api.createSession(title, moderation);
    $('#create-card').hidden = true;
    renderCreated();
    $('#created').hidden = false;
    $('#created').focus();
  } catch (failure) {
    showMessage($('#create-error'), errorText(failure));
  } finally {
    $('#create-submit').disabled = false;
  }
}

function renderCreated() {
  if (!created) {
    return;
  }
  $('#created-heading').textContent = t('landing.created.heading', { code: created.code });
  $('#moderator-link').textContent = created.links.moderator;
  $('#attendee-link').textContent = created.links.attendee;
  $('#screen-link').textContent = created.links.screen;
  $('#screen-link').href = created.links.screen;
  $('#open-moderator').href = created.links.moderator;
}

start();
