/**
 * Every statement the PostgreSQL store runs. Each store call is ONE statement, so one round
 * trip and one snapshot: batches travel as parallel arrays expanded with unnest(), the
 * PostgreSQL idiom for "many rows, one fixed query text" (the text stays the same whatever the
 * batch size, so the server can reuse its plan).
 *
 * COLLATE "C" wherever text is ordered: SQLite's BINARY collation compares bytes, and so must
 * we for "ties by value ascending" and verdict paging to agree across backends (the database's
 * default collation is locale-aware and would order differently).
 */

/**
 * Exact keys joined to profiles, plus ANY_VALUE summaries grouped per (entity, id, feature),
 * in one statement. `i` is the position of the key in the arrays sent, so results map back to
 * the caller's keys without re-deriving them from stored text.
 */
export const READ_PROFILES = `
SELECT k.i, p.count, p.mass, p.first_seen, p.last_seen, NULL::bigint AS distinct_values
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(entity, id, feature, value, i)
JOIN profiles p ON p.entity = k.entity AND p.id = k.id AND p.feature = k.feature AND p.value = k.value
UNION ALL
SELECT s.i, sum(p.count)::bigint, sum(p.mass), min(p.first_seen), max(p.last_seen), count(*)
FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS s(entity, id, feature, i)
JOIN profiles p ON p.entity = s.entity AND p.id = s.id AND p.feature = s.feature
GROUP BY s.i`;

/**
 * Per query, the top `lim` values of one (entity, id, feature): LATERAL runs the inner
 * ORDER BY ... LIMIT once per query row over the primary key's (entity, id, feature) prefix.
 */
export const READ_VALUES = `
SELECT q.i, v.value, v.count, v.mass, v.first_seen, v.last_seen
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS q(entity, id, feature, lim, i)
CROSS JOIN LATERAL (
  SELECT p.value, p.count, p.mass, p.first_seen, p.last_seen
  FROM profiles p
  WHERE p.entity = q.entity AND p.id = q.id AND p.feature = q.feature
  ORDER BY p.count DESC, p.value COLLATE "C" ASC
  LIMIT q.lim
) v
ORDER BY q.i, v.count DESC, v.value COLLATE "C" ASC`;

/**
 * The commutative upsert: counts and mass add, first seen takes the minimum, last seen the
 * maximum. Row-level locks taken by ON CONFLICT are acquired in the order rows arrive, and the
 * caller sends them sorted by key (ORDER BY the ordinality keeps that order), so two nodes
 * learning overlapping keys wait for each other instead of deadlocking.
 */
export const LEARN = `
INSERT INTO profiles (entity, id, feature, value, count, mass, first_seen, last_seen)
SELECT entity, id, feature, value, count, mass, first_seen, last_seen
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::float8[], $7::bigint[], $8::bigint[])
  WITH ORDINALITY AS o(entity, id, feature, value, count, mass, first_seen, last_seen, i)
ORDER BY i
ON CONFLICT (entity, id, feature, value) DO UPDATE SET
  count = profiles.count + excluded.count,
  mass = profiles.mass + excluded.mass,
  first_seen = LEAST(profiles.first_seen, excluded.first_seen),
  last_seen = GREATEST(profiles.last_seen, excluded.last_seen)`;

export const SAVE_VERDICT = `
INSERT INTO verdicts (id, digest, message_id, analysed_at, score, tags, origin, body, sender, sender_domain, recipients, subject, delivery, direction)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
ON CONFLICT (id) DO UPDATE SET
  digest = excluded.digest, message_id = excluded.message_id, analysed_at = excluded.analysed_at,
  score = excluded.score, tags = excluded.tags, origin = excluded.origin, body = excluded.body,
  sender = excluded.sender, sender_domain = excluded.sender_domain, recipients = excluded.recipients,
  subject = excluded.subject, delivery = excluded.delivery, direction = excluded.direction`;

/**
 * The verdict and its message content in one statement (one round trip, one transaction): a
 * data-modifying CTE saves the verdict, the outer INSERT the content ($15). The two touch
 * different tables, so running in one snapshot cannot make them see each other's rows wrongly.
 */
export const SAVE_VERDICT_WITH_CONTENT = `
WITH saved AS (${SAVE_VERDICT} RETURNING id)
INSERT INTO message_content (verdict_id, body)
SELECT id, $15 FROM saved
ON CONFLICT (verdict_id) DO UPDATE SET body = excluded.body`;

export const GET_CONTENT = 'SELECT body FROM message_content WHERE verdict_id = $1';

/**
 * One batch of content retention: the oldest `$3` contents of verdicts analysed in [$1, $2),
 * except those of mail still held (the analyst deciding on it reads it), deleted in the same statement. A data-modifying CTE runs once whether or not it is read.
 * `selected` (not `removed`) says whether another batch may follow: a node pruning at the same
 * time may have deleted some of this batch first. `last` is where the next batch starts.
 */
export const PRUNE_CONTENT_BATCH = `
WITH batch AS (
  SELECT c.verdict_id, v.analysed_at FROM verdicts v JOIN message_content c ON c.verdict_id = v.id
  WHERE v.analysed_at >= $1 AND v.analysed_at < $2
    AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.verdict_id = v.id AND q.state IN ('held', 'release_requested'))
  ORDER BY v.analysed_at LIMIT $3
), removed AS (
  DELETE FROM message_content c USING batch b WHERE c.verdict_id = b.verdict_id RETURNING c.verdict_id
)
SELECT (SELECT count(*) FROM batch) AS selected, (SELECT count(*) FROM removed) AS removed, (SELECT max(analysed_at) FROM batch) AS last`;

export const GET_VERDICT = 'SELECT body FROM verdicts WHERE id = $1';

/** id breaks ties so paging is stable when several verdicts share a millisecond. */
export const LIST_VERDICTS = 'SELECT body FROM verdicts ORDER BY analysed_at DESC, id COLLATE "C" DESC LIMIT $1 OFFSET $2';

export const GET_META = 'SELECT value FROM meta WHERE name = $1';

export const SET_META = 'INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value';
