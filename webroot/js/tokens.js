// The tokens a page signs in with, kept in one place and by one rule. A moderator's or facilitator's
// link brings its token in the fragment (#token=…): it is read once, kept in localStorage (so a reload
// or a second tab stays signed in) and taken out of the address bar. A participant's identity
// ({id, token, name}) is what joining answered, kept the same way.

const keys = {
  moderator: (code) => `openfloor.moderator.${code}`,
  facilitator: (code, groupId) => `openfloor.facilitator.${code}.${groupId}`,
  participant: (code) => `openfloor.participant.${code}`,
};

/** The token of the link just followed, else the one kept under key; null when there is none. */
export function takeToken(key) {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!fromLink) {
    return read(key);
  }
  write(key, fromLink);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  return fromLink;
}

export const moderatorToken = (code) => takeToken(keys.moderator(code));

export const facilitatorToken = (code, groupId) => takeToken(keys.facilitator(code, groupId));

/** The participant who joined this session from this browser: {id, token, name}, or null. */
export const participant = {
  get: (code) => parse(read(keys.participant(code))),
  set: (code, identity) => write(keys.participant(code), JSON.stringify(identity)),
  forget: (code) => write(keys.participant(code), null),
};

function parse(raw) {
  try {
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Storage that never throws (private browsing, full quota): what it refuses is kept only by the page that took it. */
function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) {
      window.localStorage.removeItem(key);
    } else {
      window.localStorage.setItem(key, value);
    }
  } catch {
    // nothing more to do
  }
}
