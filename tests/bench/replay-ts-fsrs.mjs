// replay-ts-fsrs.mjs - the replay benchmark's anchor: the job of
// `trainer replay` done by ts-fsrs 5.4.2 (the reference FSRS-6).
//
//   node tests/bench/replay-ts-fsrs.mjs [--no-fuzz] <history.csv >out.csv
//
// Reads "card,time,rating" (header optional, times ISO 8601, ratings 1-4),
// replays every card's reviews from a new card with the default weights,
// retention 0.9, learning steps 1m 10m, relearning steps 10m, short-term
// stability on, and prints what `trainer replay` prints:
// "card,time,rating,state,stability,difficulty,interval_days,due", times
// in UTC.  ts-fsrs counts days in UTC from midnight, so the same job for
// trainer is `TZ=UTC trainer replay --rollover 0`; without fuzz the two
// outputs are the same bytes.  With fuzz each draws its own intervals.
//
// ts-fsrs is taken from tests/fsrs/node_modules (`cd tests/fsrs && npm
// install`).

import { readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../fsrs/package.json"));
const { fsrs, createEmptyCard, State } = require("ts-fsrs");

const fuzz = !process.argv.includes("--no-fuzz");
const f = fsrs({
  request_retention: 0.9,
  maximum_interval: 36500,
  enable_fuzz: fuzz,
  enable_short_term: true,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
});
const stateName = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const words = { again: 1, hard: 2, good: 3, easy: 4 };
const iso = (d) => d.toISOString().slice(0, 19) + "Z";

const lines = readFileSync(0, "utf8").split("\n");
const cards = new Map();
let out = ["card,time,rating,state,stability,difficulty,interval_days,due"];
let first = true;

function flush() {
  writeSync(1, out.join("\n") + "\n");
  out = [];
}

for (const raw of lines) {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) continue;
  if (first) {
    first = false;
    if (/^card,/i.test(line)) continue;
  }
  const [id, when, r] = line.split(",");
  const rating = words[r.toLowerCase()] ?? Number(r);
  const time = new Date(when);
  const card = cards.get(id) ?? createEmptyCard(time);
  const next = f.next(card, time, rating).card;

  cards.set(id, next);
  out.push(
    `${id},${iso(time)},${rating},${stateName[next.state]},${next.stability},` +
      `${next.difficulty},${next.scheduled_days},${iso(next.due)}`,
  );
  if (out.length >= 65536) flush();
}
flush();
