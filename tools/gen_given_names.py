#!/usr/bin/env python3
"""Derive a list of given names from the person entries of PETRARCH2's
Phoenix actor dictionaries (MIT licence, Open Event Data Alliance): the first
word of every person name that starts at least two different entries.

Usage: tools/gen_given_names.py ../shared/data/events/petrarch2/dictionaries/Phoenix.Countries.actors.txt \
           > crates/claimgraph/resources/given_names.txt
"""
import collections
import re
import sys

# Titles and words that start entries without being given names.
NOT_GIVEN = {
    "sir", "general", "gen", "president", "prime", "minister", "king", "queen", "prince", "princess", "sheikh",
    "the", "dr", "mr", "mrs", "lord", "lady", "colonel", "col", "major", "captain", "emir", "sultan", "pope",
    "saint", "st", "al", "el", "abu", "bin", "ibn", "de", "van", "von", "le", "la", "new", "great", "north",
    "south", "east", "west", "former", "deputy", "vice", "chief", "grand", "crown", "ayatollah", "imam",
}


def main(path):
    counts = collections.Counter()
    for line in open(path, encoding="utf-8", errors="replace"):
        if "# CountryInfo" not in line:
            continue
        name = line.split("#")[0].strip().strip("_")
        parts = [p for p in name.split("_") if p]
        if len(parts) < 2:
            continue
        first = parts[0].lower()
        if re.fullmatch(r"[a-z][a-z'-]+", first) and first not in NOT_GIVEN and len(first) > 1:
            counts[first] += 1
    print("# Given names derived from PETRARCH2 Phoenix.Countries.actors.txt (MIT licence,")
    print("# (c) 2014 Open Event Data Alliance) by tools/gen_given_names.py")
    for name in sorted(n for n, c in counts.items() if c >= 2):
        print(name)


if __name__ == "__main__":
    main(sys.argv[1])
