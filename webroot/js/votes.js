// Vote counts as the server pushes them: {type: "votes", votes: {questionId: count}}, coalesced.

/** Gives each question of the maps (id -> question) that the frame names its new count; others are left alone. */
export function mergeVotes(counts, ...questionMaps) {
  for (const [id, votes] of Object.entries(counts || {})) {
    questionMaps.forEach((questions) => {
      if (questions.has(id)) {
        questions.set(id, { ...questions.get(id), votes });
      }
    });
  }
}
