"""Drive `trainer review` through a pseudo-terminal and check what a
learner sees and what the database holds.  Prints "ok - ..." or
"not ok - ..." lines for tests/run."""
import io
import os
import re
import sqlite3
import sys

import pexpect

TRAINER, WORK = sys.argv[1], sys.argv[2]
DECKS = os.path.join(WORK, "ptydecks")
os.makedirs(DECKS, exist_ok=True)
with open(os.path.join(DECKS, "p.yaml"), "w") as f:
    f.write("""deck: p
title: Pty
cards:
  - {id: c1, q: "Who was the first president of the ROK?", a: Syngman Rhee, accept: [Rhee], note: Elected in 1948.}
  - {id: c2, type: date, q: "When was the treaty signed?", a: 1953-10-01}
  - {id: c3, q: "Which ship saw the 1882 treaty signed?", a: USS Ticonderoga}
  - {id: c4, q: "Red \\e[31malert\\e[0m: who commanded the UN forces?", a: MacArthur}
""")
SGR = re.compile(r"\x1b\[[0-9;]*m")
failures = 0
db_count = 0


def check(name, cond, detail=""):
    global failures
    if cond:
        print("ok - " + name)
    else:
        failures += 1
        print("not ok - " + name)
        for line in str(detail).splitlines()[-15:]:
            print("#   " + repr(line))


def spawn(db, extra_env=None, args=()):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": WORK,
           "TZ": "UTC", "TERM": "dumb", "INPUTRC": "/dev/null", "LANG": "C.UTF-8"}
    env.update(extra_env or {})
    argv = ["--db", db, "--decks", DECKS, "--now", "2026-03-01T09:00:00Z",
            "--seed", "3", "review"] + list(args)
    return pexpect.spawn(TRAINER, argv, env=env, encoding="utf-8",
                         timeout=10, dimensions=(40, 120))


def query(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def newdb():
    global db_count
    db_count += 1
    return os.path.join(WORK, "pty%d.db" % db_count)


# The prompt, an answer, Enter to accept the suggested rating.
db = newdb()
c = spawn(db)
try:
    c.expect_exact("Who was the first president of the ROK?")
    c.expect_exact("> ")
    check("the question and the prompt are shown", True)
    c.send("Rhee\r")
    c.expect_exact("right: Syngman Rhee")
    c.expect(r"Again 1m · Hard 6m · Good 10m · Easy \d+d")
    check("the outcome of each rating is shown", True)
    c.expect_exact("rating 1-4 [Enter: Good, u: take back] ")
    check("the suggested rating is offered", True)
    c.send("\r")
    c.expect_exact("rated Good: next in 10m")
    # tab completion: one match completes, two are listed
    c.expect_exact("When was the treaty signed?")
    c.expect_exact("> ")
    c.send(":sus\t")
    c.expect_exact(":suspend")
    check("Tab completes :sus to :suspend", True)
    c.send("\x15")  # Ctrl-U: clear the line
    c.send(":h\t\t")
    c.expect(r":help\s+:hint")
    check("Tab twice after :h lists :help and :hint", True)
    c.send("\x15")
    # :undo takes back the first answer and asks it again
    c.send(":undo\r")
    c.expect_exact("taken back: that answer is gone")
    c.expect_exact("Who was the first president of the ROK?")
    check(":undo takes back the answer and asks the card again", True)
    # a wrong answer, the rating changed to 3
    c.expect_exact("> ")
    c.send("Kim\r")
    c.expect_exact("wrong: the answer is Syngman Rhee")
    c.expect_exact("rating 1-4 [Enter: Again, u: take back] ")
    c.send("3")  # one key, no Enter
    c.expect_exact("rated Good")
    check("a rating changed with the one key 3 is taken", True)
    # history: the up arrow brings back the last answer
    c.expect_exact("When was the treaty signed?")
    c.expect_exact("> ")
    c.send("1 October 1953\r")
    c.expect_exact("right: 1 October 1953")
    c.expect_exact("[Enter: Good, u: take back] ")
    c.send("\r")
    c.expect_exact("> ")
    # Ctrl-D ends the session with a summary
    c.send("\x04")
    c.expect_exact("2 questions, 1 right (50%)")
    c.expect(pexpect.EOF)
    c.close()
    check("Ctrl-D ends with the summary and exit 0", c.exitstatus == 0, c.exitstatus)
except (pexpect.TIMEOUT, pexpect.EOF) as e:
    check("the terminal session runs as expected", False, c.before)
rows = query(db, "SELECT answer, rating FROM reviews ORDER BY id")
check("the undone answer is gone, the others are saved",
      rows == [("Kim", 3), ("1 October 1953", 3)], rows)

# A resize while typing: the line is kept and the session goes on.
db = newdb()
c = spawn(db)
try:
    c.expect_exact("> ")
    c.send("Syng")
    c.expect_exact("Syng")
    c.setwinsize(20, 50)
    c.send("man Rhee\r")
    c.expect_exact("right: Syngman Rhee")
    c.expect_exact("[Enter: Good, u: take back] ")
    c.setwinsize(50, 160)
    c.send("\r")
    c.expect_exact("rated Good")
    c.expect_exact("> ")  # the next prompt: type-ahead is not for tests
    c.sendeof()
    c.expect(pexpect.EOF)
    c.close()
    check("a terminal resize keeps the line being typed", True)
except (pexpect.TIMEOUT, pexpect.EOF):
    check("a terminal resize keeps the line being typed", False, c.before)
check("the answer typed across the resize is saved whole",
      query(db, "SELECT answer FROM reviews") == [("Syngman Rhee",)])

# One key to rate: a letter rates at once; u takes the answer back
# before it is saved and the card is asked again.
db = newdb()
c = spawn(db)
try:
    c.expect_exact("> ")
    c.send("Rhee\r")
    c.expect_exact("[Enter: Good, u: take back] ")
    c.send("h")
    c.expect_exact("rated Hard")
    c.expect_exact("> ")
    c.send("1953\r")
    c.expect_exact("u: take back] ")
    c.send("u")
    c.expect_exact("taken back: that answer was not saved")
    c.expect_exact("When was the treaty signed?")
    c.expect_exact("> ")
    c.send("1 October 1953\r")
    c.expect_exact("u: take back] ")
    c.send("x")
    c.expect_exact("press 1 or a (Again)")
    c.send("\r")
    c.expect_exact("rated Good")
    c.expect_exact("> ")
    c.sendintr()
    c.expect(pexpect.EOF)
    c.close()
    check("one key rates, u takes the answer back, a wrong key says which", True)
except (pexpect.TIMEOUT, pexpect.EOF):
    check("one key rates, u takes the answer back, a wrong key says which", False, c.before)
check("the answers saved are the rated ones, the one taken back is not",
      query(db, "SELECT answer, rating FROM reviews ORDER BY id") == [("Rhee", 2), ("1 October 1953", 3)],
      query(db, "SELECT answer, rating FROM reviews ORDER BY id"))

# Word wrap at the terminal's width: at 50 columns a long question and its
# note break between words, never inside one; after a resize to 80 the
# next text uses the new width.
WRAP = os.path.join(WORK, "wrapdecks")
os.makedirs(WRAP, exist_ok=True)
with open(os.path.join(WRAP, "w.yaml"), "w") as f:
    f.write("""deck: w
title: Wrap
cards:
  - {id: w1, q: "Which American general commanded the United Nations forces when the Korean War began in June 1950?", a: MacArthur, note: "Douglas MacArthur led the United Nations Command from its founding in July 1950 until April 1951."}
  - {id: w2, q: "Which American general followed him as commander of the United Nations forces in April 1951?", a: Ridgway}
""")
db = newdb()
c = pexpect.spawn(TRAINER, ["--db", db, "--decks", WRAP, "--now", "2026-03-01T09:00:00Z",
                            "--seed", "1", "review"],
                  env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": WORK, "TZ": "UTC",
                       "TERM": "dumb", "INPUTRC": "/dev/null", "LANG": "C.UTF-8"},
                  encoding="utf-8", timeout=10, dimensions=(40, 50))
try:
    c.expect_exact("> ")
    first = c.before
    c.send("MacArthur\r")
    c.expect_exact("u: take back] ")
    note = c.before
    c.setwinsize(40, 80)
    c.send("\r")
    c.expect_exact("> ")
    second = c.before
    c.sendintr()
    c.expect(pexpect.EOF)
    c.close()
    lines = [l for l in (first + note).replace("\r", "").split("\n")
             if l.strip() and not l.startswith("trainer: ")]
    check("at 50 columns no line is longer than 50", all(len(l) <= 50 for l in lines), lines)
    check("the question is broken between words",
          "Which American general commanded the United\nNations forces" in first.replace("\r", ""),
          first)
    check("the note too, its lines indented as it begins",
          "United Nations Command\n  from its founding" in note.replace("\r", ""), note)
    check("after a resize to 80 columns the next question uses the width",
          "Which American general followed him as commander of the United Nations forces" in second.replace("\r", ""),
          second)
except (pexpect.TIMEOUT, pexpect.EOF):
    check("word wrap at 50 columns", False, c.before)

# An answer over 4 KiB is refused at the prompt and asked again.
db = newdb()
c = spawn(db)
try:
    c.expect_exact("> ")
    c.send("a" * 5000 + "\r")
    c.expect_exact("that answer is too long (over 4096 bytes); it was not checked")
    c.expect_exact("> ")
    c.send("Rhee\r")
    c.expect_exact("right: Syngman Rhee")
    c.sendintr()
    c.expect(pexpect.EOF)
    c.close()
    check("an answer over 4 KiB is refused and asked again", True)
except (pexpect.TIMEOUT, pexpect.EOF):
    check("an answer over 4 KiB is refused and asked again", False, c.before)
check("only the answer typed after it is saved",
      query(db, "SELECT answer FROM reviews") == [("Rhee",)],
      query(db, "SELECT length(answer) FROM reviews"))

# Ctrl-C at the prompt: summary, nothing lost.
db = newdb()
c = spawn(db)
log = io.StringIO()
c.logfile_read = log
try:
    c.expect_exact("> ")
    c.send("Rhee\r")
    c.expect_exact("[Enter: Good, u: take back] ")
    c.send("\r")
    c.expect_exact("> ")
    c.send("half typed")
    c.expect_exact("half typed")
    c.sendintr()
    c.expect_exact("interrupted: every answer given is saved")
    c.expect_exact("1 question, 1 right (100%)")
    c.expect(pexpect.EOF)
    c.close()
    check("Ctrl-C ends with the summary", c.exitstatus == 0, c.exitstatus)
except (pexpect.TIMEOUT, pexpect.EOF) as e:
    check("Ctrl-C ends with the summary", False, log.getvalue())
check("the answer before Ctrl-C is saved",
      query(db, "SELECT count(*), max(ended_at) IS NOT NULL FROM reviews JOIN sessions ON sessions.id = session_id") == [(1, 1)])

# Ctrl-C at the rating prompt: the answer is kept with the suggested rating.
db = newdb()
c = spawn(db)
try:
    c.expect_exact("> ")
    c.send("Rhee\r")
    c.expect_exact("[Enter: Good, u: take back] ")
    c.sendintr()
    c.expect_exact("1 question, 1 right (100%)")
    c.expect(pexpect.EOF)
    c.close()
except (pexpect.TIMEOUT, pexpect.EOF):
    pass
check("Ctrl-C at the rating keeps the answer, rated as suggested",
      query(db, "SELECT rating FROM reviews") == [(3,)])

# Colours: on a colour terminal by default, none with NO_COLOR, and a
# deck's escape sequence is shown escaped either way.
inputrc = os.path.join(WORK, "inputrc")
with open(inputrc, "w") as f:
    f.write("set enable-bracketed-paste off\n")


def transcript(extra_env):
    c = spawn(newdb(), dict(extra_env, TERM="xterm-256color", INPUTRC=inputrc),
              ("--deck", "p"))
    log = io.StringIO()
    c.logfile_read = log
    try:
        for _ in range(4):
            c.expect_exact("> ")
            c.send(":dunno\r")
            c.expect_exact("] ")
            c.send("\r")
        c.expect_exact("> ")
        c.send("\x04")
        c.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pass
    c.close()
    return log.getvalue()


coloured = transcript({})
plain = transcript({"NO_COLOR": "1"})
check("colours on a colour terminal", "\x1b[1;36m" in coloured and "\x1b[31m" in coloured,
      coloured)
check("no colours with NO_COLOR", SGR.search(plain) is None, plain)
check("the deck's escape sequence is shown escaped",
      "Red \\x1b[31malert\\x1b[0m: who commanded" in plain, plain)
check("...and never sent raw", "\x1b[31malert" not in plain and "\x1b[31malert" not in coloured)
c = spawn(newdb(), {"TERM": "dumb"})
c.expect_exact("> ")
check("no colours on TERM=dumb", SGR.search(c.before) is None, c.before)
c.sendintr()
c.expect(pexpect.EOF)
sys.exit(0)
