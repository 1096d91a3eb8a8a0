/*
 * schema.c - the store's schema, as forward-only migrations.
 */
#include "schema.h"

#include "store.h"

/* Version 1: decks, cards with their memory state, edits, sessions and
 * the review log with each card's state before and after. */
static const char v1[] =
    "CREATE TABLE decks ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " title TEXT NOT NULL,"
    " source TEXT,"
    " description TEXT,"
    " path TEXT NOT NULL,"
    " file_size INTEGER NOT NULL DEFAULT -1,"
    " file_mtime INTEGER NOT NULL DEFAULT -1," /* nanoseconds */
    " loader INTEGER NOT NULL DEFAULT 0,"      /* loader version */
    " synced_at INTEGER NOT NULL,"
    " retired INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE TABLE cards ("
    " id INTEGER PRIMARY KEY,"
    " deck_id INTEGER NOT NULL REFERENCES decks(id),"
    " key TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " content TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
    " stability REAL NOT NULL DEFAULT 0,"
    " difficulty REAL NOT NULL DEFAULT 0,"
    " step INTEGER NOT NULL DEFAULT 0,"
    " scheduled_days INTEGER NOT NULL DEFAULT 0,"
    " reps INTEGER NOT NULL DEFAULT 0,"
    " lapses INTEGER NOT NULL DEFAULT 0,"
    " due INTEGER NOT NULL,"
    " last_review INTEGER NOT NULL DEFAULT 0,"
    " last_day INTEGER NOT NULL DEFAULT 0,"
    " suspended INTEGER NOT NULL DEFAULT 0,"
    " buried_until INTEGER NOT NULL DEFAULT 0,"
    " retired INTEGER NOT NULL DEFAULT 0,"
    " added_at INTEGER NOT NULL,"
    " UNIQUE (deck_id, key)"
    ") STRICT;"
    "CREATE INDEX cards_due ON cards(due);"
    "CREATE TABLE card_edits ("
    " id INTEGER PRIMARY KEY,"
    " card_id INTEGER NOT NULL REFERENCES cards(id),"
    " time INTEGER NOT NULL,"
    " old_content TEXT NOT NULL,"
    " new_content TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX card_edits_card ON card_edits(card_id);"
    "CREATE TABLE sessions ("
    " id INTEGER PRIMARY KEY,"
    " mode TEXT NOT NULL CHECK (mode IN ('review', 'quiz', 'drill')),"
    " filters TEXT NOT NULL,"
    " started_at INTEGER NOT NULL,"
    " ended_at INTEGER,"
    " questions INTEGER NOT NULL DEFAULT 0,"
    " right INTEGER NOT NULL DEFAULT 0,"
    " duration_ms INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE TABLE reviews ("
    " id INTEGER PRIMARY KEY,"
    " card_id INTEGER NOT NULL REFERENCES cards(id),"
    " session_id INTEGER REFERENCES sessions(id),"
    " time INTEGER NOT NULL,"
    " day INTEGER NOT NULL,"
    " rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),"
    " answer TEXT NOT NULL,"
    " verdict TEXT NOT NULL CHECK (verdict IN"
    "  ('right', 'close', 'partial', 'wrong', 'skipped')),"
    " hinted INTEGER NOT NULL DEFAULT 0,"
    " duration_ms INTEGER NOT NULL,"
    " scheduled INTEGER NOT NULL,"
    " b_state INTEGER NOT NULL,"
    " b_stability REAL NOT NULL,"
    " b_difficulty REAL NOT NULL,"
    " b_step INTEGER NOT NULL,"
    " b_scheduled_days INTEGER NOT NULL,"
    " b_reps INTEGER NOT NULL,"
    " b_lapses INTEGER NOT NULL,"
    " b_due INTEGER NOT NULL,"
    " b_last_review INTEGER NOT NULL,"
    " b_last_day INTEGER NOT NULL,"
    " a_state INTEGER NOT NULL,"
    " a_stability REAL NOT NULL,"
    " a_difficulty REAL NOT NULL,"
    " a_scheduled_days INTEGER NOT NULL,"
    " a_due INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX reviews_card ON reviews(card_id, id);"
    "CREATE INDEX reviews_session ON reviews(session_id);";

/* The weights version 2 stored as a setting: FSRS-6's defaults. */
#define V2_WEIGHTS                                                             \
	"[0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334,"                      \
	" 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,"       \
	" 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]"

/* Version 2: settings, and card tags in their own table so reports and
 * filters by tag use an index instead of reading every card's content. */
static const char v2[] =
    "CREATE TABLE settings ("
    " key TEXT PRIMARY KEY,"
    " value TEXT NOT NULL"
    ") STRICT, WITHOUT ROWID;"
    "INSERT INTO settings (key, value) VALUES"
    " ('desired_retention', '0.9'),"
    " ('new_per_day', '20'),"
    " ('rollover_hour', '4'),"
    " ('weights', '" V2_WEIGHTS "');"
    "CREATE TABLE card_tags ("
    " card_id INTEGER NOT NULL REFERENCES cards(id),"
    " tag TEXT NOT NULL,"
    " PRIMARY KEY (card_id, tag)"
    ") STRICT, WITHOUT ROWID;"
    "INSERT INTO card_tags (card_id, tag)"
    " SELECT cards.id, j.value FROM cards, json_each(cards.content, '$.tags') j"
    " WHERE json_valid(cards.content);"
    "CREATE INDEX card_tags_tag ON card_tags(tag, card_id);"
    "CREATE INDEX reviews_time ON reviews(time);";

/* Version 3: answers summed per day and deck, and per day, deck and tag,
 * kept by triggers, so the reports read a few hundred rows instead of
 * the whole log; and an index for the learner's day. */
#define COUNTS                                                                 \
	" answers INTEGER NOT NULL, right INTEGER NOT NULL,"                   \
	" ms INTEGER NOT NULL, reviewed INTEGER NOT NULL,"                     \
	" passed INTEGER NOT NULL, new_cards INTEGER NOT NULL"
#define NEW_COUNTS                                                             \
	" 1, NEW.verdict IN ('right', 'close'), NEW.duration_ms,"              \
	" NEW.b_state = 2 AND NEW.scheduled = 1,"                              \
	" NEW.b_state = 2 AND NEW.scheduled = 1 AND NEW.rating > 1,"           \
	" NEW.b_state = 0 AND NEW.scheduled = 1"
#define ADD_COUNTS                                                             \
	" DO UPDATE SET answers = answers + 1,"                                \
	" right = right + excluded.right, ms = ms + excluded.ms,"              \
	" reviewed = reviewed + excluded.reviewed,"                            \
	" passed = passed + excluded.passed,"                                  \
	" new_cards = new_cards + excluded.new_cards;"
#define SUB_COUNTS                                                             \
	" SET answers = answers - 1,"                                          \
	" right = right - (OLD.verdict IN ('right', 'close')),"                \
	" ms = ms - OLD.duration_ms,"                                          \
	" reviewed = reviewed - (OLD.b_state = 2 AND OLD.scheduled = 1),"      \
	" passed = passed - (OLD.b_state = 2 AND OLD.scheduled = 1 AND"        \
	" OLD.rating > 1),"                                                    \
	" new_cards = new_cards - (OLD.b_state = 0 AND OLD.scheduled = 1)"
#define LOG_COUNTS                                                             \
	" count(*), sum(r.verdict IN ('right', 'close')),"                     \
	" sum(r.duration_ms), sum(r.b_state = 2 AND r.scheduled = 1),"         \
	" sum(r.b_state = 2 AND r.scheduled = 1 AND r.rating > 1),"            \
	" sum(r.b_state = 0 AND r.scheduled = 1)"

static const char v3[] =
    "CREATE TABLE day_stats (day INTEGER NOT NULL,"
    " deck_id INTEGER NOT NULL," COUNTS ","
    " PRIMARY KEY (day, deck_id)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE day_tag_stats (day INTEGER NOT NULL,"
    " deck_id INTEGER NOT NULL, tag TEXT NOT NULL," COUNTS ","
    " PRIMARY KEY (day, deck_id, tag)) STRICT, WITHOUT ROWID;"
    "CREATE INDEX day_tag_stats_tag ON day_tag_stats(tag, day);"
    "INSERT INTO day_stats SELECT r.day, c.deck_id," LOG_COUNTS
    " FROM reviews r JOIN cards c ON c.id = r.card_id GROUP BY 1, 2;"
    "INSERT INTO day_tag_stats SELECT r.day, c.deck_id, t.tag," LOG_COUNTS
    " FROM reviews r JOIN cards c ON c.id = r.card_id"
    " JOIN card_tags t ON t.card_id = r.card_id GROUP BY 1, 2, 3;"
    "CREATE TRIGGER reviews_add AFTER INSERT ON reviews BEGIN"
    " INSERT INTO day_stats SELECT NEW.day, c.deck_id," NEW_COUNTS
    "  FROM cards c WHERE c.id = NEW.card_id"
    "  ON CONFLICT (day, deck_id)" ADD_COUNTS
    " INSERT INTO day_tag_stats SELECT NEW.day, c.deck_id, t.tag," NEW_COUNTS
    "  FROM cards c JOIN card_tags t ON t.card_id = c.id"
    "  WHERE c.id = NEW.card_id ON CONFLICT (day, deck_id, tag)" ADD_COUNTS
    " END;"
    "CREATE TRIGGER reviews_remove AFTER DELETE ON reviews BEGIN"
    " UPDATE day_stats" SUB_COUNTS " WHERE day = OLD.day AND"
    "  deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id);"
    " UPDATE day_tag_stats" SUB_COUNTS " WHERE day = OLD.day AND"
    "  deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id) AND"
    "  tag IN (SELECT tag FROM card_tags WHERE card_id = OLD.card_id);"
    " END;"
    "CREATE INDEX reviews_day ON reviews(day);";

/* Version 4: settings named as 'trainer config' names them, and only
 * those the learner set: the defaults version 2 stored are removed (they
 * live in the program), the other values keep their old keys' values. */
static const char v4[] =
    "DELETE FROM settings WHERE (key, value) IN (VALUES"
    " ('desired_retention', '0.9'), ('new_per_day', '20'),"
    " ('rollover_hour', '4'), ('weights', '" V2_WEIGHTS "'));"
    "UPDATE settings SET key = 'desired-retention'"
    " WHERE key = 'desired_retention';"
    "UPDATE settings SET key = 'new-per-day' WHERE key = 'new_per_day';"
    "UPDATE settings SET key = 'rollover-hour' WHERE key = 'rollover_hour';";

/* Version 5: the indexes a session starts from, so that its start does
 * not grow with the collection: the cards in review or learning by due
 * time (cards_queue, read in that order; cards_review, covering what a
 * count of the due cards reads), the new cards by
 * deck and place, neither holding suspended or retired cards; and the
 * few buried cards. */
static const char v5[] =
    "CREATE INDEX IF NOT EXISTS cards_review ON cards(due, scheduled_days,"
    " buried_until, deck_id, state, retired, suspended)"
    " WHERE state != 0 AND retired = 0 AND suspended = 0;"
    "CREATE INDEX IF NOT EXISTS cards_queue ON cards(due)"
    " WHERE state != 0 AND retired = 0 AND suspended = 0;"
    "CREATE INDEX IF NOT EXISTS cards_fresh ON cards(deck_id, position)"
    " WHERE state = 0 AND retired = 0 AND suspended = 0;"
    "CREATE INDEX IF NOT EXISTS cards_buried ON cards(buried_until)"
    " WHERE buried_until > 0;";

/* Version 6: no index that no query reads, since each costs a write per
 * answer or per card: the due cards are read through cards_queue and
 * cards_review, the log by card, session and the day tables, never by
 * time or day; nothing looks burials up.  The log by card covers what
 * stats with several tags reads of the answers of a card carrying more
 * than one of them. */
static const char v6[] =
    "DROP INDEX IF EXISTS cards_due;"
    "DROP INDEX IF EXISTS cards_buried;"
    "DROP INDEX IF EXISTS reviews_time;"
    "DROP INDEX IF EXISTS reviews_day;"
    "DROP INDEX IF EXISTS reviews_card;"
    "CREATE INDEX reviews_card ON reviews(card_id, id, day, verdict,"
    " duration_ms, b_state, scheduled, rating);";

/* Version 7: chronology answers (questions made from the date cards'
 * events, see chrono.h), logged apart from the reviews since they belong
 * to no one card and change no schedule: the session, the kind of
 * question, the cards involved as a JSON array of "deck/id", the
 * question and the answers, the verdict. */
static const char v7[] =
    "CREATE TABLE IF NOT EXISTS chrono_answers ("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER REFERENCES sessions(id),"
    " time INTEGER NOT NULL,"
    " day INTEGER NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN"
    "  ('first', 'order', 'between', 'year', 'relative')),"
    " cards TEXT NOT NULL,"
    " question TEXT NOT NULL,"
    " expected TEXT NOT NULL,"
    " answer TEXT NOT NULL,"
    " verdict TEXT NOT NULL CHECK (verdict IN"
    "  ('right', 'close', 'partial', 'wrong', 'skipped')),"
    " duration_ms INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX IF NOT EXISTS chrono_answers_day ON chrono_answers(day);"
    "CREATE INDEX IF NOT EXISTS chrono_answers_session ON "
    "chrono_answers(session_id);";

/* Version 8: progress that travels between machines (trainer sync).
 * The database gets a device id (128 random bits) and every change that
 * travels is an event with a global id, the device and its sequence
 * number: answers (an answer's event names its row in the log), undos
 * (tombstones: the answer's row goes, its event stays), suspensions,
 * skips and settings.  The history there is becomes events of this
 * device: the answers in their order, then the settings and suspensions
 * (at time 0, so that any later change wins).  Where each other
 * machine's journal was read to, and how far this one's was written, per
 * sync folder.  The day sums follow an answer whose schedule a replay
 * changed.  Like versions 4 to 6 it can run again over its own result. */
static const char v8[] =
    "CREATE TABLE IF NOT EXISTS device ("
    " one INTEGER PRIMARY KEY CHECK (one = 1),"
    " id TEXT NOT NULL CHECK (length(id) = 32),"
    " seq INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "INSERT OR IGNORE INTO device (one, id)"
    " VALUES (1, lower(hex(randomblob(16))));"
    "CREATE TABLE IF NOT EXISTS events ("
    " n INTEGER PRIMARY KEY," /* the order it arrived here */
    " device TEXT NOT NULL,"
    " seq INTEGER NOT NULL,"
    " time INTEGER NOT NULL," /* UTC, milliseconds */
    " kind TEXT NOT NULL CHECK (kind IN"
    "  ('review', 'undo', 'suspend', 'skip', 'setting')),"
    " deck TEXT," /* the card's deck name and id in it */
    " card TEXT,"
    " target TEXT,"        /* undo: 'device:seq' of the answer; setting: key */
    " body TEXT NOT NULL," /* the record as journaled (JSON) */
    " origin TEXT,"        /* the folder it came from; NULL: made here */
    " pending INTEGER NOT NULL DEFAULT 0," /* its card is not here yet */
    " review INTEGER," /* a review's row in the log; NULL: none (yet) */
    " UNIQUE (device, seq)"
    ") STRICT;"
    "CREATE INDEX IF NOT EXISTS events_card ON events(deck, card, kind)"
    " WHERE card IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target, kind)"
    " WHERE target IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS events_pending ON events(n)"
    " WHERE pending = 1;"
    "CREATE UNIQUE INDEX IF NOT EXISTS events_review ON events(review)"
    " WHERE review IS NOT NULL;"
    "CREATE TABLE IF NOT EXISTS sync_in ("
    " dir TEXT NOT NULL,"
    " device TEXT NOT NULL," /* whose journal */
    " offset INTEGER NOT NULL,"
    " records INTEGER NOT NULL,"
    " PRIMARY KEY (dir, device)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS sync_out ("
    " dir TEXT PRIMARY KEY,"
    " offset INTEGER NOT NULL,"
    " records INTEGER NOT NULL,"
    " written INTEGER NOT NULL" /* the last event (n) written */
    ") STRICT, WITHOUT ROWID;"
    "CREATE TEMP TABLE v7_old AS SELECT r.id AS review,"
    " row_number() OVER (ORDER BY r.id) AS k FROM reviews r"
    " WHERE r.id NOT IN (SELECT review FROM events"
    "  WHERE review IS NOT NULL);"
    "INSERT INTO events (device, seq, time, kind, deck, card, body,"
    " review)"
    " SELECT dv.id, dv.seq + o.k, r.time * 1000, 'review', d.name, c.key,"
    "  json_object('id', dv.id || ':' || (dv.seq + o.k), 't',"
    "  r.time * 1000, 'k', 'review', 'deck', d.name, 'card', c.key,"
    "  'rating', r.rating, 'answer', r.answer, 'verdict', r.verdict,"
    "  'ms', r.duration_ms, 'hinted', r.hinted, 'mode',"
    "  coalesce(s.mode, 'review'), 'sched', r.scheduled), r.id"
    " FROM v7_old o JOIN reviews r ON r.id = o.review"
    " JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id"
    " LEFT JOIN sessions s ON s.id = r.session_id, device dv"
    " ORDER BY o.k;"
    "UPDATE device SET seq = seq + (SELECT count(*) FROM v7_old);"
    "DROP TABLE v7_old;"
    "INSERT INTO events (device, seq, time, kind, target, body)"
    " SELECT dv.id, dv.seq + row_number() OVER (ORDER BY st.key), 0,"
    "  'setting', st.key, json_object('id', dv.id || ':' || (dv.seq +"
    "  row_number() OVER (ORDER BY st.key)), 't', 0, 'k', 'setting', 'key',"
    "  st.key, 'value', st.value)"
    " FROM settings st, device dv WHERE st.key != 'sync-dir' AND NOT EXISTS"
    "  (SELECT 1 FROM events e WHERE e.kind = 'setting'"
    "  AND e.target = st.key) ORDER BY st.key;"
    "UPDATE device SET seq = max(seq, (SELECT coalesce(max(e.seq), 0)"
    " FROM events e WHERE e.device = device.id));"
    "INSERT INTO events (device, seq, time, kind, deck, card, body)"
    " SELECT dv.id, dv.seq + row_number() OVER (ORDER BY c.id), 0,"
    "  'suspend', d.name, c.key, json_object('id', dv.id || ':' || (dv.seq"
    "  + row_number() OVER (ORDER BY c.id)), 't', 0, 'k', 'suspend',"
    "  'deck', d.name, 'card', c.key, 'on', 1)"
    " FROM cards c JOIN decks d ON d.id = c.deck_id, device dv"
    " WHERE c.suspended = 1 AND NOT EXISTS (SELECT 1 FROM events e"
    "  WHERE e.kind = 'suspend' AND e.deck = d.name AND e.card = c.key)"
    " ORDER BY c.id;"
    "UPDATE device SET seq = max(seq, (SELECT coalesce(max(e.seq), 0)"
    " FROM events e WHERE e.device = device.id));"
    "CREATE TRIGGER IF NOT EXISTS reviews_change AFTER UPDATE OF b_state,"
    " scheduled, rating ON reviews BEGIN"
    " UPDATE day_stats" SUB_COUNTS " WHERE day = OLD.day AND"
    "  deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id);"
    " UPDATE day_tag_stats" SUB_COUNTS " WHERE day = OLD.day AND"
    "  deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id) AND"
    "  tag IN (SELECT tag FROM card_tags WHERE card_id = OLD.card_id);"
    " INSERT INTO day_stats SELECT NEW.day, c.deck_id," NEW_COUNTS
    "  FROM cards c WHERE c.id = NEW.card_id"
    "  ON CONFLICT (day, deck_id)" ADD_COUNTS
    " INSERT INTO day_tag_stats SELECT NEW.day, c.deck_id, t.tag," NEW_COUNTS
    "  FROM cards c JOIN card_tags t ON t.card_id = c.id"
    "  WHERE c.id = NEW.card_id ON CONFLICT (day, deck_id, tag)" ADD_COUNTS
    " END;"
    "CREATE TRIGGER IF NOT EXISTS reviews_unmap AFTER DELETE ON reviews"
    " BEGIN UPDATE events SET review = NULL WHERE review = OLD.id; END;";

/* Version 9: one index for the cards in review or learning by due time,
 * covering every column a session's start reads of them (the light
 * card, store-review.c) and what a count of the due cards reads: the
 * first batch of a large backlog is then read from a few index pages,
 * not from a table page a card, and an answer rewrites one index entry,
 * not two.  The id comes second, for the order the batches are read in
 * (due time, then id). */
static const char v9[] =
    "DROP INDEX IF EXISTS cards_review;"
    "DROP INDEX IF EXISTS cards_queue;"
    "CREATE INDEX cards_queue ON cards(due, id, scheduled_days, buried_until,"
    " deck_id, state, retired, suspended, key, stability, difficulty, step,"
    " reps, lapses, last_review, last_day)"
    " WHERE state != 0 AND retired = 0 AND suspended = 0;";

const char *const schema_migrations[] = { v1, v2, v3, v4, v5, v6, v7, v8, v9 };
const int schema_nmigrations =
    (int)(sizeof(schema_migrations) / sizeof(schema_migrations[0]));

/* The version this program writes is the number of migrations: adding
 * one without raising STORE_VERSION (or the reverse) does not build. */
_Static_assert(sizeof(schema_migrations) / sizeof(schema_migrations[0]) ==
                   STORE_VERSION,
               "STORE_VERSION must be the number of schema migrations");
