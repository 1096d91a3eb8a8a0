-- A large progress database for the stats benchmark: 100,000 cards in one
-- deck, tagged, in every state, and 1,000,000 answers over the year before
-- 2026-03-01 (day 20513).  Run on a database trainer has just created.
BEGIN;
INSERT INTO decks (id, name, title, path, synced_at)
VALUES (1000, 'bench', 'Benchmark', '/nonexistent/bench.yaml', 1772355600);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO cards (id, deck_id, key, type, content, position, state, stability,
	difficulty, step, scheduled_days, reps, lapses, due, last_review, last_day,
	added_at)
SELECT 1000000 + i, 1000, 'c' || i, 'text',
	'{"q":"Question ' || i || '?","a":"Answer ' || i || '"}', i,
	i % 4, CASE WHEN i % 4 = 0 THEN 0 ELSE (i % 997) / 10.0 + 0.1 END,
	CASE WHEN i % 4 = 0 THEN 0 ELSE 1 + (i % 9) END, 0, i % 60, i % 4 * 3,
	i % 5, 1772355600 + (i % 40 - 10) * 86400, 1772355600 - (i % 60) * 86400,
	20513 - (i % 60), 1740000000
FROM n;
INSERT INTO card_tags (card_id, tag)
SELECT id, CASE id % 3 WHEN 0 THEN 'dates' WHEN 1 THEN 'people' ELSE 'figures' END
FROM cards WHERE deck_id = 1000;
INSERT INTO card_tags (card_id, tag)
SELECT id, 'commands' FROM cards WHERE deck_id = 1000 AND id % 7 = 0;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO reviews (card_id, session_id, time, day, rating, answer, verdict,
	duration_ms, scheduled, b_state, b_stability, b_difficulty, b_step,
	b_scheduled_days, b_reps, b_lapses, b_due, b_last_review, b_last_day,
	a_state, a_stability, a_difficulty, a_scheduled_days, a_due)
SELECT 1000000 + 1 + (i * 7919) % 100000, NULL,
	1772355600 - (i % 365) * 86400 - i % 3600, 20513 - i % 365,
	1 + (i % 10 > 0) + (i % 10 > 6) + (i % 10 > 8), 'x',
	CASE WHEN i % 10 > 0 THEN 'right' ELSE 'wrong' END, 4000, 1,
	CASE WHEN i % 5 = 0 THEN 1 ELSE 2 END, 5, 5, 0, 5, 3, 0, 0, 0, 0,
	2, 6, 5, 6, 0
FROM n;
COMMIT;
