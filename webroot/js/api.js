// REST calls to the OpenFloor API: JSON in and out, Bearer token, errors as {status, error, message}.

export async function request(method, path, { token = null, body = undefined } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(`/api${path}`, {
      method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw { status: 0, error: 'offline', message: 'the server cannot be reached' };
  }
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw { status: response.status, error: payload.error || 'failed', message: payload.message || response.statusText };
  }
  return payload;
}

const session = (code) => `/sessions/${encodeURIComponent(code)}`;

export const api = {
  createSession: (title, moderation) => request('POST', '/sessions', { body: { title, moderation } }),
  snapshot: (code, token) => request('GET', session(code), { token }),
  updateSession: (code, token, change) => request('PATCH', session(code), { token, body: change }),
  join: (code, profile) => request('POST', `${session(code)}/participants`, { body: profile }),
  ask: (code, token, fields) => request('POST', `${session(code)}/questions`, { token, body: fields }),
  vote: (code, token, questionId, up) =>
    request(up ? 'PUT' : 'DELETE', `${session(code)}/questions/${encodeURIComponent(questionId)}/vote`, { token }),
  moderate: (code, token, questionId, change) =>
    request('PATCH', `${session(code)}/questions/${encodeURIComponent(questionId)}`, { token, body: change }),
  qrUrl: (code) => `/api${session(code)}/qr.svg`,
  createGroup: (code, token, fields) => request('POST', `${session(code)}/groups`, { token, body: fields }),
  switchGroup: (code, token, groupId) => request('PATCH', `${session(code)}/participants/me`, { token, body: { groupId } }),
  writeNotes: (code, token, groupId, text) =>
    request('PUT', `${session(code)}/groups/${encodeURIComponent(groupId)}/notes`, { token, body: { text } }),
  createMessage: (code, token, fields) => request('POST', `${session(code)}/messages`, { token, body: fields }),
  editMessage: (code, token, messageId, change) =>
    request('PATCH', `${session(code)}/messages/${encodeURIComponent(messageId)}`, { token, body: change }),
  commentMessage: (code, token, messageId, text) =>
    request('POST', `${session(code)}/messages/${encodeURIComponent(messageId)}/comments`, { token, body: { text } }),
  requestBriefings: (code, token, fields) => request('POST', `${session(code)}/queue/briefings`, { token, body: fields }),
  report: (code, lang) => request('GET', `${session(code)}/report?format=json&lang=${encodeURIComponent(lang)}`),
  reportUrl: (code, format, lang) =>
    `/api${session(code)}/report?format=${format}&lang=${encodeURIComponent(lang)}&download=1`,
};

/** A session code as the server spells it: upper case, no spaces. */
export function canonicalCode(value) {
  return (value || '').replace(/\s+/g, '').toUpperCase();
}

export function isWellFormedCode(code) {
  return /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/.test(code);
}
