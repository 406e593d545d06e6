import type Database from 'better-sqlite3';

/** Row shapes as SQLite returns them (column aliases match Counter so rows map without renaming). */
export interface CounterRow {
  count: number;
  mass: number;
  firstSeen: number;
  lastSeen: number;
}
export interface SummaryRow extends CounterRow {
  distinct: number;
}
export interface ValueRow extends CounterRow {
  value: string;
}
export interface VerdictRow {
  body: string;
}

/** Content retention spares a message still held (or asked for): the analyst deciding on it reads it. */
const STILL_HELD_EXCLUDED = "NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.verdict_id = v.id AND q.state IN ('held', 'release_requested'))";

/**
 * Every statement the store runs, prepared once per connection: parsing SQL per call would cost
 * more than the primary-key lookups themselves on the hot read path.
 */
export function prepareStatements(db: Database.Database) {
  return {
    // profiles.* qualified on the right: Postgres rejects the bare column as ambiguous with `excluded`.
    // min()/max() with two arguments are SQLite's LEAST/GREATEST (the one spelling a Postgres port changes).
    upsert: db.prepare<[string, string, string, string, number, number, number, number]>(`
      INSERT INTO profiles (entity, id, feature, value, count, mass, first_seen, last_seen)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, id, feature, value) DO UPDATE SET
        count = profiles.count + excluded.count,
        mass = profiles.mass + excluded.mass,
        first_seen = min(profiles.first_seen, excluded.first_seen),
        last_seen = max(profiles.last_seen, excluded.last_seen)`),
    exact: db.prepare<[string, string, string, string], CounterRow>(`
      SELECT count, mass, first_seen AS firstSeen, last_seen AS lastSeen
      FROM profiles WHERE entity = ? AND id = ? AND feature = ? AND value = ?`),
    // GROUP BY so an absent (entity, id, feature) yields no row rather than a row of NULLs.
    summary: db.prepare<[string, string, string], SummaryRow>(`
      SELECT sum(count) AS count, sum(mass) AS mass, min(first_seen) AS firstSeen,
             max(last_seen) AS lastSeen, count(*) AS "distinct"
      FROM profiles WHERE entity = ? AND id = ? AND feature = ?
      GROUP BY entity, id, feature`),
    // Served by the primary key's (entity, id, feature) prefix; the sort is over one profile's values only.
    values: db.prepare<[string, string, string, number], ValueRow>(`
      SELECT value, count, mass, first_seen AS firstSeen, last_seen AS lastSeen
      FROM profiles WHERE entity = ? AND id = ? AND feature = ?
      ORDER BY count DESC, value ASC LIMIT ?`),
    saveVerdict: db.prepare<[string, string, string | null, number, number, string, string | null, string, string | null, string | null, string, string, string, string]>(`
      INSERT INTO verdicts (id, digest, message_id, analysed_at, score, tags, origin, body, sender, sender_domain, recipients, subject, delivery, direction)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        digest = excluded.digest, message_id = excluded.message_id, analysed_at = excluded.analysed_at,
        score = excluded.score, tags = excluded.tags, origin = excluded.origin, body = excluded.body,
        sender = excluded.sender, sender_domain = excluded.sender_domain, recipients = excluded.recipients,
        subject = excluded.subject, delivery = excluded.delivery, direction = excluded.direction`),
    saveContent: db.prepare<[string, string]>(
      'INSERT INTO message_content (verdict_id, body) VALUES (?, ?) ON CONFLICT (verdict_id) DO UPDATE SET body = excluded.body',
    ),
    getContent: db.prepare<[string], { body: string }>('SELECT body FROM message_content WHERE verdict_id = ?'),
    // Oldest first from a cursor (analysed_at >= ?): the verdicts_list index's analysed_at order,
    // and each batch starts where the last ended instead of walking the pruned ones again.
    contentBefore: db.prepare<[number, number, number], { id: string; analysedAt: number }>(`
      SELECT v.id AS id, v.analysed_at AS analysedAt FROM verdicts v JOIN message_content c ON c.verdict_id = v.id
      WHERE v.analysed_at >= ? AND v.analysed_at < ? AND ${STILL_HELD_EXCLUDED}
      ORDER BY v.analysed_at LIMIT ?`),
    deleteContent: db.prepare<[string]>('DELETE FROM message_content WHERE verdict_id = ?'),
    getVerdict: db.prepare<[string], VerdictRow>('SELECT body FROM verdicts WHERE id = ?'),
    // id breaks ties so paging is stable when several verdicts share a millisecond.
    listVerdicts: db.prepare<[number, number], VerdictRow>(
      'SELECT body FROM verdicts ORDER BY analysed_at DESC, id DESC LIMIT ? OFFSET ?',
    ),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
