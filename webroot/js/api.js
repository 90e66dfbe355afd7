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
};

/** A session code as the server spells it: upper case, no spaces. */
export function canonicalCode(value) {
  return (value || '').replace(/\s+/g, '').toUpperCase();
}

export function isWellFormedCode(code) {
  return /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/.test(code);
}
