// Generates the FSRS-6 reference vectors in this folder from ts-fsrs.
//
//   cd tests/fsrs && npm install && node gen-vectors.mjs
//
// Writes model.json, histories.json, replay-small.csv and
// replay-small.expected.  Deterministic: every random choice comes from a
// seeded mulberry32; no Math.random, no Date.now.  The tests never need
// Node: only this generator does.

import { writeFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { fsrs, createEmptyCard, default_w, State, FSRSVersion } from "ts-fsrs";

const HERE = dirname(fileURLToPath(import.meta.url));
const TS_FSRS_VERSION = JSON.parse(
  readFileSync(join(HERE, "node_modules/ts-fsrs/package.json"), "utf8"),
).version;
if (TS_FSRS_VERSION !== "5.4.2") {
  throw new Error(`ts-fsrs ${TS_FSRS_VERSION} installed, 5.4.2 wanted`);
}

// ---------------------------------------------------------------- setup

const W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
];
if (W.length !== 21 || W.some((x, i) => x !== default_w[i])) {
  throw new Error("ts-fsrs default weights differ from the ones we document");
}

const DEFAULTS = {
  retention: 0.9,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
  maximum_interval: 36500,
};

function makeFsrs(o = {}) {
  const c = { ...DEFAULTS, ...o };
  return fsrs({
    w: [...W],
    request_retention: c.retention,
    maximum_interval: c.maximum_interval,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: [...c.learning_steps],
    relearning_steps: [...c.relearning_steps],
  });
}

function assert(cond, msg) {
  if (!cond) throw new Error("assertion failed: " + msg);
}

// mulberry32: a tiny seeded PRNG giving doubles in [0, 1).
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randInt = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // [lo, hi]

// ISO 8601 UTC, whole seconds, with a Z.
function iso(d) {
  const ms = d.getTime();
  assert(ms % 1000 === 0, `time ${d.toISOString()} is not whole seconds`);
  return d.toISOString().replace(/\.000Z$/, "Z");
}
function parseIso(s) {
  assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(s), `bad time ${s}`);
  return new Date(s);
}

const STATE_NAME = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

// ---------------------------------------------------------------- model.json

function genModel() {
  const out = [];
  const add = (fn, args, want) => {
    assert(typeof want === "number" && Number.isFinite(want), `${fn} ${args}`);
    out.push({ fn, args, want });
  };
  const f = makeFsrs();
  const G = [1, 2, 3, 4];
  const D_FINE = [1, 1.5, 2.3, 3, 4.2, 5, 5.5, 6.66, 7.5, 8.9, 9.5, 10];
  const D = [1, 3, 5.5, 7.77, 10];
  const S = [0.01, 0.1, 1, 3.7, 20, 100, 1000, 36500];
  const R = [0.5, 0.7, 0.85, 0.9, 0.99];
  const T = [0, 1, 2, 5, 30, 365, 3650];

  for (const g of G) add("init_stability", [g], f.init_stability(g));
  for (const g of G) add("init_difficulty", [g], f.init_difficulty(g));
  for (const d of D_FINE)
    for (const g of G) add("next_difficulty", [d, g], f.next_difficulty(d, g));
  for (const d of D)
    for (const s of S)
      for (const r of R)
        for (const g of [2, 3, 4])
          add("next_recall_stability", [d, s, r, g], f.next_recall_stability(d, s, r, g));
  for (const d of D)
    for (const s of S)
      for (const r of R)
        add("next_forget_stability", [d, s, r], f.next_forget_stability(d, s, r));
  for (const s of S)
    for (const g of G)
      add("next_short_term_stability", [s, g], f.next_short_term_stability(s, g));
  for (const t of T)
    for (const s of S) add("forgetting_curve", [t, s], f.forgetting_curve(t, s));

  const S_IVL = [
    0.01, 0.1, 0.4, 0.5, 1, 1.5, 2.4, 2.5, 2.6, 3.7, 10, 20, 55.5, 100, 500,
    1000, 20000, 36500, 100000,
  ];
  for (const ret of [0.8, 0.9, 0.95]) {
    const fr = makeFsrs({ retention: ret });
    for (const s of S_IVL) add("next_interval", [s, ret], fr.next_interval(s, 0));
  }
  for (const ret of [0.7, 0.8, 0.9, 0.95, 0.99])
    add("interval_modifier", [ret], makeFsrs({ retention: ret }).interval_modifier);

  const NS = [
    [0, 0, 0], // a new card
    [5, 3.7, 0], // same day: short-term stability
    [5, 3.7, 1],
    [5, 3.7, 4],
    [7.2, 20, 0],
    [7.2, 20, 30],
    [2.1, 100, 365],
    [9.9, 0.5, 2],
    [1, 0.212, 0],
    [1, 36500, 3650],
    [10, 1000, 0],
    [3.3, 0.01, 1],
  ];
  for (const [d, s, t] of NS)
    for (const g of G) {
      const ns = f.next_state({ difficulty: d, stability: s }, t, g);
      out.push({ fn: "next_state", args: [d, s, t, g], want: [ns.difficulty, ns.stability] });
    }
  return out;
}

// ---------------------------------------------------------------- histories

// A review-time spec, relative to a card's state:
//   "2026-01-05T09:30:00Z"  that moment
//   "due", "due+2d", "due-3h+30m"   the card's due time, shifted
//   "last+10m", "last+0s"           the card's previous review time, shifted
const UNIT = { s: 1000, m: 60000, h: 3600000, d: 86400000 };
function resolveTime(spec, card, last) {
  if (/^\d/.test(spec)) return parseIso(spec);
  const m = /^(due|last)((?:[+-]\d+[smhd])*)$/.exec(spec);
  assert(m, `bad time spec ${spec}`);
  let t = m[1] === "due" ? card.due.getTime() : last.getTime();
  for (const [, sign, n, u] of m[2].matchAll(/([+-])(\d+)([smhd])/g))
    t += (sign === "+" ? 1 : -1) * Number(n) * UNIT[u];
  return new Date(t);
}
const RATING = { A: 1, H: 2, G: 3, E: 4 };

// Runs the reviews of one card; 'next' yields [Date, rating] or null.
function runCard(f, id, start, next) {
  let card = createEmptyCard(start);
  let last = null;
  const rows = [];
  for (let i = 0; ; i++) {
    const step = next(card, last, i);
    if (!step) break;
    const [time, rating] = step;
    assert(rating >= 1 && rating <= 4, `rating ${rating}`);
    if (last) assert(time.getTime() >= last.getTime(), `${id}: time goes back`);
    const { card: c } = f.next(card, time, rating);
    rows.push({
      card: id,
      time: iso(time),
      rating,
      state: STATE_NAME[c.state],
      stability: c.stability,
      difficulty: c.difficulty,
      scheduled_days: c.scheduled_days,
      due: iso(c.due),
      elapsed_days: c.elapsed_days,
      step: c.learning_steps,
      reps: c.reps,
      lapses: c.lapses,
      _t: time.getTime(),
    });
    card = c;
    last = time;
  }
  return rows;
}

function scriptedNext(start, script) {
  return (card, last, i) => {
    if (i >= script.length) return null;
    const [spec, r] = script[i];
    const time = i === 0 && spec === "start" ? parseIso(start) : resolveTime(spec, card, last);
    assert(r in RATING, `rating ${r}`);
    return [time, RATING[r]];
  };
}

// A review in "real use": at the due time plus a random delay, sometimes
// early, sometimes very late; ratings Again 15%, Hard 15%, Good 60%, Easy 10%.
function randomNext(start, n, rng, opts = {}) {
  const weights = opts.weights ?? [0.15, 0.15, 0.6, 0.1];
  const pick = () => {
    let x = rng();
    for (let g = 0; g < 4; g++) {
      if (x < weights[g]) return g + 1;
      x -= weights[g];
    }
    return 4;
  };
  return (card, last, i) => {
    if (i >= n) return null;
    const rating = pick();
    if (i === 0) return [parseIso(start), rating];
    const lastMs = last.getTime();
    const dueMs = card.due.getTime();
    const sec = randInt(rng, 0, 59) * 1000;
    let t;
    const x = rng();
    if (card.state === State.Learning || card.state === State.Relearning) {
      if (x < 0.6) t = dueMs + randInt(rng, 0, 5) * 60000; // soon after due
      else if (x < 0.75) t = dueMs + randInt(rng, 30, 240) * 60000; // hours later
      else if (x < 0.9) t = dueMs + randInt(rng, 8, 40) * 3600000; // next day or two
      else t = lastMs + Math.floor(rng() * Math.max(1, dueMs - lastMs)); // early
    } else {
      const ivl = Math.max(1, card.scheduled_days) * 86400000;
      if (x < 0.07) t = lastMs + randInt(rng, 1, 600) * 60000; // same day or next
      else if (x < 0.17) t = lastMs + Math.floor(ivl * (0.1 + 0.8 * rng())); // early
      else if (x < 0.72) t = dueMs + randInt(rng, -180, 720) * 60000; // on time
      else if (x < 0.92) t = dueMs + Math.floor(ivl * 0.5 * rng()) + randInt(rng, 0, 3) * 86400000; // late
      else t = dueMs + Math.floor(ivl * (1 + 4 * rng())); // very late
    }
    t = Math.max(t - (t % 60000) + sec, lastMs + 1000);
    t -= t % 1000;
    return [new Date(t), rating];
  };
}

// Merges the rows of several cards in time order (stable: same-time rows
// keep card order, a card's own rows keep their order).
function merge(perCard) {
  const all = perCard.flat();
  all.sort((a, b) => a._t - b._t);
  return all.map(({ _t, ...r }) => r);
}

function makeCase(spec) {
  const c = { ...DEFAULTS, ...spec };
  const f = makeFsrs(c);
  const perCard = [];
  if (spec.cards)
    for (const [id, { start, script }] of Object.entries(spec.cards))
      perCard.push(runCard(f, id, parseIso(start), scriptedNext(start, script)));
  if (spec.random) {
    const rng = mulberry32(spec.random.seed);
    const base = parseIso(spec.random.start).getTime();
    for (let k = 0; k < spec.random.cards; k++) {
      const id = `c${k + 1}`;
      const s0 = new Date(base + randInt(rng, 0, 3 * 24 * 60) * 60000 + randInt(rng, 0, 59) * 1000);
      const start = iso(s0);
      perCard.push(runCard(f, id, s0, randomNext(start, spec.random.reviews, rng, spec.random)));
    }
  }
  return {
    name: c.name,
    description: c.description,
    retention: c.retention,
    learning_steps: [...c.learning_steps],
    relearning_steps: [...c.relearning_steps],
    maximum_interval: c.maximum_interval,
    reviews: merge(perCard),
  };
}

const card = (start, ...script) => ({ start, script });
// [time spec, rating] pairs from "spec:R" words, e.g. "due+5m:G".
const S = (...words) =>
  words.map((w) => {
    const i = w.lastIndexOf(":");
    return [w.slice(0, i), w.slice(i + 1)];
  });
const repeat = (n, word) => Array(n).fill(word);

const CASES = [
  // --- first ratings on a new card, then on through learning
  {
    name: "first-again",
    description: "new card: Again (step 0, 1m), Again again, Good (step 1, 10m), Good graduates, reviews on time",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:A", "due:A", "due+30s:G", "due:G", "due:G", "due+2h:G", "due:G")) },
  },
  {
    name: "first-hard",
    description: "new card: Hard (stays at step 0, 6m = mean of 1m and 10m), Hard, Good, Good graduates",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:H", "due:H", "due:G", "due:G", "due:G", "due:H", "due:G")) },
  },
  {
    name: "first-good",
    description: "new card: Good (step 1, 10m), Good graduates, Good on time",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due:G", "due:G")) },
  },
  {
    name: "first-easy",
    description: "new card: Easy graduates at once; then reviews",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:E", "due:G", "due:E", "due:H", "due:G")) },
  },
  {
    name: "first-ratings-interleaved",
    description: "four new cards, one per first rating, reviewed interleaved the same morning",
    cards: {
      c1: card("2026-01-06T08:00:00Z", ...S("start:A", "due:G", "due:G", "due:G", "due:G")),
      c2: card("2026-01-06T08:00:20Z", ...S("start:H", "due:G", "due:G", "due:G", "due:G")),
      c3: card("2026-01-06T08:00:40Z", ...S("start:G", "due:G", "due:G", "due:G")),
      c4: card("2026-01-06T08:01:00Z", ...S("start:E", "due:G", "due:G", "due:G")),
    },
  },
  {
    name: "learning-step0-each-rating",
    description: "cards put back to step 0 by Again, then Again/Hard/Good/Easy at step 0",
    cards: {
      c1: card("2026-01-07T10:00:00Z", ...S("start:A", "due:A", "due:G", "due:G", "due:G")),
      c2: card("2026-01-07T10:00:10Z", ...S("start:A", "due:H", "due:G", "due:G", "due:G")),
      c3: card("2026-01-07T10:00:20Z", ...S("start:A", "due:G", "due:G", "due:G")),
      c4: card("2026-01-07T10:00:30Z", ...S("start:A", "due:E", "due:G", "due:G")),
    },
  },
  {
    name: "learning-step1-each-rating",
    description: "cards at step 1 (after a first Good), then Again/Hard/Good/Easy at step 1",
    cards: {
      c1: card("2026-01-07T14:00:00Z", ...S("start:G", "due:A", "due:G", "due:G", "due:G")),
      c2: card("2026-01-07T14:00:10Z", ...S("start:G", "due:H", "due:H", "due:G", "due:G")),
      c3: card("2026-01-07T14:00:20Z", ...S("start:G", "due:G", "due:G", "due:G")),
      c4: card("2026-01-07T14:00:30Z", ...S("start:G", "due:E", "due:G", "due:G")),
    },
  },
  {
    name: "learning-reviewed-early-and-late",
    description: "learning reviews before their due time, hours late, and the next day (elapsed 1 uses the long-term formulas inside learning)",
    cards: {
      c1: card("2026-01-08T20:00:00Z", ...S("start:G", "last+2m:G", "last+5h:G", "due:G")),
      c2: card("2026-01-08T23:55:00Z", ...S("start:G", "2026-01-09T00:05:00Z:G", "due:G", "due:G")),
      c3: card("2026-01-08T23:50:00Z", ...S("start:A", "2026-01-10T07:00:00Z:A", "due:H", "2026-01-11T09:00:00Z:G", "due:G", "due:G")),
      c4: card("2026-01-08T12:00:00Z", ...S("start:H", "2026-01-12T12:00:00Z:E", "due:G")),
    },
  },
  {
    name: "review-good-on-time",
    description: "graduate, then Good exactly on the due time",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", ...repeat(12, "due:G"))) },
  },
  {
    name: "review-hard-on-time",
    description: "graduate, then Hard on time",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", ...repeat(12, "due:H"))) },
  },
  {
    name: "review-easy-on-time",
    description: "graduate, then Easy on time",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", ...repeat(10, "due:E"))) },
  },
  {
    name: "review-early",
    description: "review-state cards answered days before their due time",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due-2d:G", "due-5d:G", "due-1d:H", "due-10d:E", "due-20d:G")),
      c2: card("2026-01-05T09:05:00Z", ...S("start:E", "due:E", "due-3d:H", "due-2d:E", "due-8d:A", "due:G", "due:G", "due-1d:G")),
    },
  },
  {
    name: "review-very-late",
    description: "review-state cards answered long after their due time (months, years)",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due+40d:G", "due+200d:H", "due+3d:G", "due+1000d:E", "due:G")),
      c2: card("2026-01-05T09:00:30Z", ...S("start:G", "due:G", "due:G", "due+365d:A", "due:G", "due+700d:G", "due+10d:H")),
      c3: card("2026-01-05T09:01:00Z", ...S("start:E", "due+3650d:G", "due+90d:E", "due:G")),
    },
  },
  {
    name: "review-same-day",
    description: "review-state cards answered again the same UTC day (elapsed 0: short-term stability for Hard/Good/Easy and Again)",
    cards: {
      c1: card("2026-01-05T08:00:00Z", ...S("start:G", "due:G", "due:G", "last+1h:G", "last+2h:H", "last+3h:E", "last+1m:G", "due:G", "last+0s:G", "due:G")),
      c2: card("2026-01-05T08:00:30Z", ...S("start:E", "last+10m:G", "last+10m:E", "due:G", "due:G", "last+30m:A", "due:G", "last+1h:G", "due:G")),
      c3: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due:G", "due:G", "last+4h:H", "last+4h:H", "last+4h:A", "due:G", "due:G")),
    },
  },
  {
    name: "lapse-and-relearn",
    description: "Again in review goes to relearning (10m); Good there returns to review",
    cards: { c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due:A", "due:G", "due:G", "due:G", "due:G")) },
  },
  {
    name: "relearning-each-rating",
    description: "inside relearning: Again, Hard (15m with one relearning step), Good, Easy",
    cards: {
      c1: card("2026-01-05T10:00:00Z", ...S("start:G", "due:G", "due:G", "due:A", "due:A", "due:A", "due:G", "due:G")),
      c2: card("2026-01-05T10:00:10Z", ...S("start:G", "due:G", "due:G", "due:A", "due:H", "due:H", "due:G", "due:G")),
      c3: card("2026-01-05T10:00:20Z", ...S("start:G", "due:G", "due:G", "due:A", "due:G", "due:G")),
      c4: card("2026-01-05T10:00:30Z", ...S("start:G", "due:G", "due:G", "due:A", "due:E", "due:G")),
      c5: card("2026-01-05T10:00:40Z", ...S("start:G", "due:G", "due:G", "due:G", "due:A", "due+1d:G", "due:G")),
    },
  },
  {
    name: "several-lapses",
    description: "a card that lapses again and again",
    cards: {
      c1: card("2026-01-05T09:30:00Z", ...S("start:G", "due:G", "due:G", "due:A", "due:G", "due:G", "due:A", "due:G", "due:A", "due:H", "due:G", "due:G", "due:A", "due:A", "due:G", "due:G", "due:G")),
    },
  },
  {
    name: "midnight",
    description: "reviews at 23:59 and at 00:01 the next day: one elapsed day; 00:00:00 and 23:59:59 edges",
    cards: {
      c1: card("2026-01-05T23:59:00Z", ...S("start:G", "2026-01-06T00:01:00Z:G", "2026-01-06T23:59:59Z:G", "2026-01-07T00:00:00Z:G", "due:G", "due-1m:G")),
      c2: card("2026-01-05T23:58:00Z", ...S("start:E", "2026-01-06T23:59:00Z:G", "2026-01-07T00:01:00Z:G", "2026-01-07T23:59:00Z:H", "2026-01-08T00:01:00Z:A", "due:G", "due:G")),
      c3: card("2026-01-05T00:00:00Z", ...S("start:G", "due:G", "2026-01-06T23:59:59Z:G", "due:G")),
    },
  },
  {
    name: "retention-0.8",
    retention: 0.8,
    description: "scripted mix at retention 0.8",
    cards: {
      c1: card("2026-02-01T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:H", "due:G", "due:E", "due:A", "due:G", "due:G", "due+5d:G")),
      c2: card("2026-02-01T09:01:00Z", ...S("start:E", "due:E", "due:G", "last+2h:G", "due-3d:G", "due:A", "due:H", "due:G")),
    },
  },
  {
    name: "retention-0.95",
    retention: 0.95,
    description: "scripted mix at retention 0.95",
    cards: {
      c1: card("2026-02-01T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:H", "due:G", "due:E", "due:A", "due:G", "due:G", "due+5d:G")),
      c2: card("2026-02-01T09:01:00Z", ...S("start:A", "due:H", "due:G", "due:G", "due:E", "due:E", "due+30d:G", "due:A", "due:A", "due:G")),
    },
  },
  {
    name: "maximum-interval-365",
    maximum_interval: 365,
    description: "maximum_interval 365 and a long run of Easy: intervals reach the cap; at the cap Good and Easy are pushed past it (hard+1, good+1)",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:E", ...repeat(14, "due:E"), "due:G", "due:H", "due:G", "due:E")),
      c2: card("2026-01-05T09:00:30Z", ...S("start:G", "due:G", ...repeat(10, "due:E"), "due:H", "due:H", "due:A", "due:G", "due:G")),
    },
  },
  {
    name: "maximum-interval-36500",
    retention: 0.8,
    description: "default maximum interval at retention 0.8, a long run of Easy: stability and interval reach 36500",
    cards: { c1: card("2026-01-05T09:00:00Z", ...S("start:E", ...repeat(9, "due:E"), "due:G", "due:H")) },
  },
  {
    name: "no-learning-steps",
    learning_steps: [],
    description: "learning_steps []: every first rating, Again included, graduates to review at once",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:A", "due:G", "due:G", "due:A", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:H", "due:G", "due:H", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:G", "due:G", "due:E", "due:G")),
      c4: card("2026-01-05T09:00:30Z", ...S("start:E", "due:G", "due:G", "due:G")),
    },
  },
  {
    name: "one-learning-step",
    learning_steps: ["10m"],
    description: "learning_steps ['10m']: Good on a new card graduates; Hard is 15m; Again 10m",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:A", "due:A", "due:H", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:H", "due:H", "due:G", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:G", "due:G", "due:G")),
      c4: card("2026-01-05T09:00:30Z", ...S("start:E", "due:G", "due:G")),
    },
  },
  {
    name: "three-learning-steps",
    learning_steps: ["1m", "10m", "1h"],
    description: "learning_steps ['1m','10m','1h']: each rating at steps 0, 1 and 2 (Hard is always 6m, the mean of the first two)",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:G", "due:G", "due:H", "due:H", "due:G", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:G", "due:G", "due:A", "due:G", "due:G", "due:G", "due:G")),
      c4: card("2026-01-05T09:00:30Z", ...S("start:G", "due:G", "due:E", "due:G")),
      c5: card("2026-01-05T09:00:40Z", ...S("start:H", "due:G", "due:H", "due:E", "due:G")),
      c6: card("2026-01-05T09:00:50Z", ...S("start:A", "due:E", "due:G")),
    },
  },
  {
    name: "day-learning-step",
    learning_steps: ["1m", "1d"],
    description: "learning_steps ['1m','1d']: a step of a day or more puts the card in review at once (scheduled_days 1, step kept), Hard is 721m; Again on such a card in review with step beyond the relearning steps stays in review",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:A", "due:G", "due:A", "due:G", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:H", "due:H", "due:G", "due:H", "due:G")),
      c4: card("2026-01-05T09:00:30Z", ...S("start:G", "due:A", "due:G", "due:A", "due:G", "due:G")),
      c5: card("2026-01-05T09:00:40Z", ...S("start:A", "due:E", "due:G")),
    },
  },
  {
    name: "day-learning-step-two-relearning-steps",
    learning_steps: ["1m", "1d"],
    relearning_steps: ["10m", "1h"],
    description: "learning_steps ['1m','1d'], relearning ['10m','1h']: Again on a review card that still has step 1 relearns at the 1h step",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:A", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:A", "due:G", "due:G", "due:A", "due:H", "due:G", "due:G", "due:G")),
    },
  },
  {
    name: "all-day-learning-steps",
    learning_steps: ["1d", "3d"],
    description: "learning_steps ['1d','3d']: every step is a day or more, Hard is 2d, Again 1d, all land in review",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:A", "due:A", "due:H", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:H", "due:G", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:G", "due:A", "due:G", "due:G")),
    },
  },
  {
    name: "no-relearning-steps",
    relearning_steps: [],
    description: "relearning_steps []: Again in review stays in review with an interval from the post-lapse stability",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:G", "due:A", "due:G", "due:A", "due:A", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:E", "due:E", "due:A", "last+1h:A", "due:H", "due:G")),
    },
  },
  {
    name: "two-relearning-steps",
    relearning_steps: ["10m", "1h"],
    description: "relearning_steps ['10m','1h']: Again/Hard (35m)/Good/Easy at relearning steps 0 and 1",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:A", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:G", "due:G", "due:G", "due:A", "due:H", "due:G", "due:H", "due:A", "due:G", "due:G", "due:G")),
      c3: card("2026-01-05T09:00:20Z", ...S("start:G", "due:G", "due:G", "due:A", "due:E", "due:G")),
      c4: card("2026-01-05T09:00:30Z", ...S("start:G", "due:G", "due:G", "due:A", "due:G", "due:E", "due:G")),
    },
  },
  {
    name: "relearning-day-step",
    relearning_steps: ["10m", "1d"],
    description: "relearning_steps ['10m','1d']: Good at relearning step 0 goes to review for 1 day with step 1; an Again then relearns at the 1d step, i.e. straight back to review",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due:A", "due:G", "due:A", "due:A", "due:G", "due:G")),
    },
  },
  {
    name: "three-relearning-steps-clip-w17",
    relearning_steps: ["10m", "30m", "1h"],
    description: "three relearning steps: ts-fsrs lowers the ceiling of w17/w18 with the number of relearning steps, here w17 0.5425 becomes 0.49027301",
    cards: {
      c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "last+2h:G", "due:A", "due:G", "due:H", "due:G", "due:G", "due:G")),
      c2: card("2026-01-05T09:00:10Z", ...S("start:A", "due:G", "due:G", "last+1h:E", "due:A", "due:A", "due:G", "due:G", "due:G", "due:G")),
    },
  },
  // --- long random histories
  { name: "random-0.9-a", description: "seeded random walk, 4 cards x 60 reviews", random: { seed: 1, start: "2026-01-05T08:00:00Z", cards: 4, reviews: 60 } },
  { name: "random-0.9-b", description: "seeded random walk, 3 cards x 80 reviews", random: { seed: 2, start: "2026-03-01T21:00:00Z", cards: 3, reviews: 80 } },
  { name: "random-0.8", retention: 0.8, description: "seeded random walk, 4 cards x 60 reviews", random: { seed: 3, start: "2026-01-05T08:00:00Z", cards: 4, reviews: 60 } },
  { name: "random-0.95", retention: 0.95, description: "seeded random walk, 4 cards x 60 reviews", random: { seed: 4, start: "2026-01-05T08:00:00Z", cards: 4, reviews: 60 } },
  { name: "random-0.7", retention: 0.7, description: "seeded random walk, 3 cards x 50 reviews", random: { seed: 5, start: "2026-01-05T22:30:00Z", cards: 3, reviews: 50 } },
  { name: "random-0.99", retention: 0.99, description: "seeded random walk, 3 cards x 50 reviews", random: { seed: 6, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-no-learning-steps", learning_steps: [], description: "seeded random walk, no learning steps", random: { seed: 7, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-three-learning-steps", learning_steps: ["1m", "10m", "1h"], description: "seeded random walk, learning steps 1m 10m 1h", random: { seed: 8, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-day-learning-step", learning_steps: ["1m", "1d"], description: "seeded random walk, learning steps 1m 1d", random: { seed: 9, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-no-relearning-steps", relearning_steps: [], description: "seeded random walk, no relearning steps", random: { seed: 10, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-two-relearning-steps", relearning_steps: ["10m", "1h"], description: "seeded random walk, relearning steps 10m 1h", random: { seed: 11, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50 } },
  { name: "random-max-interval-365", maximum_interval: 365, description: "seeded random walk, maximum interval 365, Easy-heavy", random: { seed: 12, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50, weights: [0.05, 0.1, 0.45, 0.4] } },
  { name: "random-hard-heavy", description: "seeded random walk, mostly Again and Hard", random: { seed: 13, start: "2026-01-05T08:00:00Z", cards: 3, reviews: 50, weights: [0.35, 0.35, 0.25, 0.05] } },
];

// ---------------------------------------------------------------- replay-small

const REPLAY = {
  c1: card("2026-01-05T09:00:00Z", ...S("start:G", "due:G", "due:G", "due+1d:G", "due:A", "due:G", "due:G", "due:E", "due:H")),
  c2: card("2026-01-05T09:00:30Z", ...S("start:A", "due:H", "due:G", "due:G", "last+3h:G", "due:G", "due-1d:G", "due:G")),
  c3: card("2026-01-05T23:50:00Z", ...S("start:E", "2026-01-06T23:59:00Z:G", "2026-01-07T00:01:00Z:H", "due:G", "due+5d:A", "due:A", "due:G", "due:G")),
};

// ---------------------------------------------------------------- main

function writeJsonArrayOfLines(path, items) {
  writeFileSync(path, "[\n" + items.map((x) => "  " + JSON.stringify(x)).join(",\n") + "\n]\n");
}

function main() {
  const model = genModel();
  writeJsonArrayOfLines(join(HERE, "model.json"), model);

  const cases = CASES.map(makeCase);
  const names = new Set();
  for (const c of cases) {
    assert(!names.has(c.name), `duplicate case ${c.name}`);
    names.add(c.name);
  }
  const lines = ["["];
  cases.forEach((c, i) => {
    const { reviews, ...head } = c;
    const h = JSON.stringify(head);
    lines.push("  " + h.slice(0, -1) + ',"reviews":[');
    lines.push(reviews.map((r) => "    " + JSON.stringify(r)).join(",\n"));
    lines.push("  ]}" + (i + 1 < cases.length ? "," : ""));
  });
  lines.push("]");
  writeFileSync(join(HERE, "histories.json"), lines.join("\n") + "\n");

  const f = makeFsrs();
  const rows = merge(
    Object.entries(REPLAY).map(([id, { start, script }]) =>
      runCard(f, id, parseIso(start), scriptedNext(start, script)),
    ),
  );
  writeFileSync(
    join(HERE, "replay-small.csv"),
    "card,time,rating\n" + rows.map((r) => `${r.card},${r.time},${r.rating}`).join("\n") + "\n",
  );
  writeFileSync(
    join(HERE, "replay-small.expected"),
    "card,time,rating,state,stability,difficulty,interval_days,due\n" +
      rows
        .map((r) =>
          [r.card, r.time, r.rating, r.state, JSON.stringify(r.stability), JSON.stringify(r.difficulty), r.scheduled_days, r.due].join(","),
        )
        .join("\n") +
      "\n",
  );

  // Summary and sanity checks.
  const byFn = {};
  for (const v of model) byFn[v.fn] = (byFn[v.fn] ?? 0) + 1;
  console.log(`${FSRSVersion}`);
  console.log(`model.json: ${model.length} vectors`);
  for (const [k, n] of Object.entries(byFn)) console.log(`  ${k}: ${n}`);
  let total = 0;
  const states = {}, ratings = {}, pairs = {};
  let maxYear = 0;
  const overMax = [];
  console.log(`histories.json: ${cases.length} cases`);
  for (const c of cases) {
    const prev = {};
    const cards = new Set();
    for (const r of c.reviews) {
      cards.add(r.card);
      states[r.state] = (states[r.state] ?? 0) + 1;
      ratings[r.rating] = (ratings[r.rating] ?? 0) + 1;
      const from = prev[r.card] ?? "new";
      pairs[`${from}->${r.state}`] = (pairs[`${from}->${r.state}`] ?? 0) + 1;
      prev[r.card] = r.state;
      maxYear = Math.max(maxYear, Number(r.due.slice(0, 4)));
      if (r.scheduled_days > c.maximum_interval) overMax.push(`${c.name} ${r.card} ${r.time} rating ${r.rating} ${r.scheduled_days}`);
    }
    for (let i = 1; i < c.reviews.length; i++)
      assert(c.reviews[i].time >= c.reviews[i - 1].time, `${c.name}: not in time order`);
    total += c.reviews.length;
    console.log(`  ${c.name}: ${c.reviews.length} reviews, ${cards.size} cards`);
  }
  console.log(`  total ${total} reviews; latest due year ${maxYear}`);
  console.log(`  states after: ${JSON.stringify(states)}`);
  console.log(`  ratings: ${JSON.stringify(ratings)}`);
  console.log(`  transitions: ${JSON.stringify(pairs)}`);
  console.log(`  scheduled_days over maximum_interval: ${overMax.length}`);
  for (const o of overMax) console.log(`    ${o}`);
  console.log(`replay-small: ${rows.length} rows`);
  for (const s of ["learning", "review", "relearning"]) assert(states[s] > 0, `no ${s}`);
  for (const g of [1, 2, 3, 4]) assert(ratings[g] > 0, `no rating ${g}`);
  assert(total >= 2000, "fewer than 2000 reviews");
  assert(cases.length >= 30, "fewer than 30 cases");
}

main();
