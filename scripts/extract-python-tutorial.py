#!/usr/bin/env python3
"""Writes the code blocks of the Python weakref tutorial (the curriculum's seed, not shipped)
to test/fixtures/python-tutorial/, code only. The seed is plain text with no code fences, so the
blocks are given by line ranges. Non-ASCII characters (emoji, mis-decoded in the seed) are
dropped: they only appear in comments and printed strings.

    python3 scripts/extract-python-tutorial.py <the tutorial as plain text>

The tutorial is not part of this repository; its extracted blocks are (test/fixtures/python-tutorial/).
"""
import pathlib
import re
import sys

BLOCKS = [
    ("01-simple-example.py", 150, 176),
    ("02-common-patterns.py", 184, 205),
    ("03-smart-cache.py", 213, 262),
    ("04-observer.py", 270, 331),
    ("05-proxy.py", 339, 371),
    ("06-finalize.py", 377, 421),
    ("07-pitfall-targets.py", 427, 439),
    ("08-pitfall-dead-refs.py", 443, 456),
    ("09-registry-solution.py", 489, 577),
]

def clean(line):
    line = re.sub(r"[^\x00-\x7f]+", "", line)
    line = re.sub(r"(\S)  +#", r"\1  #", line)
    return line.rstrip()

def main(seed):
    lines = pathlib.Path(seed).read_text(encoding="utf-8").split("\n")
    out = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "python-tutorial"
    out.mkdir(parents=True, exist_ok=True)
    for name, first, last in BLOCKS:
        body = "\n".join(clean(l) for l in lines[first - 1:last]).strip("\n") + "\n"
        (out / name).write_text(body, encoding="utf-8")
        print(f"{name}: {last - first + 1} lines")

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/extract-python-tutorial.py <the tutorial as plain text>")
    main(sys.argv[1])
