// The client's side of the bridge protocol, spelt once: the command types a page may send on
// openfloor.cmd and the addresses it listens on. The server's list is CommandCodec and Addresses;
// ClientProtocolTest fails when the two differ. createSession is not here: the server takes it only
// as POST /api/sessions.

/** Command types, as the `type` of a command sent on the bridge. */
export const COMMAND = Object.freeze({
  updateSession: 'updateSession',
  join: 'join',
  ask: 'ask',
  vote: 'vote',
  unvote: 'unvote',
  moderate: 'moderate',
  pollCreate: 'poll.create',
  pollUpdate: 'poll.update',
  pollVote: 'poll.vote',
  pollHideWord: 'poll.hideWord',
  queueRequest: 'queue.request',
  queueWithdraw: 'queue.withdraw',
  queueNext: 'queue.next',
  queueUpdate: 'queue.update',
  queueTimer: 'queue.timer',
  queueClear: 'queue.clear',
  queueAccept: 'queue.accept',
  queueEdit: 'queue.edit',
  queueBriefing: 'queue.briefing',
  groupCreate: 'group.create',
  groupSwitch: 'group.switch',
  groupNotes: 'group.notes',
  messageCreate: 'message.create',
  messageEdit: 'message.edit',
  messageComment: 'message.comment',
});

/** Where commands go (request/reply). */
export const COMMANDS_ADDRESS = 'openfloor.cmd';

const SESSION_PREFIX = 'openfloor.session.';
const MODERATOR_SUFFIX = '.mod';
const PARTICIPANT_PREFIX = 'openfloor.participant.';
const GROUP_INFIX = '.group.';

/** The outbound addresses a page registers on. */
export const addresses = Object.freeze({
  session: (code) => `${SESSION_PREFIX}${code}`,
  moderators: (code) => `${SESSION_PREFIX}${code}${MODERATOR_SUFFIX}`,
  participant: (participantId) => `${PARTICIPANT_PREFIX}${participantId}`,
  group: (code, groupId) => `${SESSION_PREFIX}${code}${GROUP_INFIX}${groupId}`,
});
