-- The anchor for 'trainer stats --tag dates --tag people' on the stats
-- benchmark's database: the same reads through the sqlite3 shell (the
-- tags known; the selected cards' states; their tags; the day sums of the
-- tags; the answers of cards with both, counted twice; each tag's
-- retention; the new cards of today).
SELECT 1 FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE t.tag = 'dates' AND c.retired = 0 LIMIT 1;
SELECT 1 FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE t.tag = 'people' AND c.retired = 0 LIMIT 1;
SELECT count(*), total(c.state + c.stability + c.difficulty + c.scheduled_days + c.due + c.last_day + c.suspended + c.buried_until + c.retired + c.reps + c.lapses) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id IN (SELECT t.card_id FROM card_tags t WHERE t.tag IN (SELECT value FROM json_each('["dates","people"]')));
SELECT count(*), total(card_id), total(length(tag)) FROM card_tags WHERE tag IN (SELECT value FROM json_each('["dates","people"]'));
SELECT x.day, total(x.answers), total(x.right), total(x.ms), total(x.reviewed), total(x.passed) FROM day_tag_stats x WHERE x.tag IN (SELECT value FROM json_each('["dates","people"]')) GROUP BY x.day ORDER BY x.day;
SELECT r.day, count(*), total(r.verdict IN ('right', 'close')), total(r.duration_ms), total(r.b_state = 2 AND r.scheduled = 1), total(r.b_state = 2 AND r.scheduled = 1 AND r.rating > 1) FROM card_tags t CROSS JOIN reviews r ON r.card_id = t.card_id WHERE t.tag IN (SELECT value FROM json_each('["dates","people"]')) AND EXISTS (SELECT 1 FROM card_tags u WHERE u.card_id = t.card_id AND u.tag < t.tag AND u.tag IN (SELECT value FROM json_each('["dates","people"]'))) GROUP BY r.day ORDER BY r.day;
SELECT x.tag, total(CASE WHEN x.day > 20513 - 7 THEN x.reviewed END), total(CASE WHEN x.day > 20513 - 7 THEN x.passed END), total(CASE WHEN x.day > 20513 - 30 THEN x.reviewed END), total(CASE WHEN x.day > 20513 - 30 THEN x.passed END), total(x.reviewed), total(x.passed) FROM day_tag_stats x WHERE x.day > 20513 - 365 AND x.tag IN (SELECT value FROM json_each('["dates","people"]')) GROUP BY 1;
SELECT total(new_cards) FROM day_stats WHERE day = 20513;
