"""Print the mutation score of the last `mutmut run` (make mutate), per module and in all.

A mutant is killed when a test failed or timed out; a mutant that survived, or that no selected
test reaches ("no tests"), counts against the score: a line no fast test covers is a line whose
bugs nobody would notice."""

from __future__ import annotations

import collections
import re
import subprocess
import sys

KILLED = {"killed", "timeout"}
LINE = re.compile(r"^\s*(?P<module>[\w.]+?)\.(?:x_|xǁ)\S*__mutmut_\d+: (?P<status>.+)$")


def main() -> int:
    output = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in output.splitlines():
        if match := LINE.match(line):
            status = match["status"].strip()
            counts[match["module"]]["killed" if status in KILLED else status] += 1
    if not counts:
        print("Inga mutanter hittades: kör först `make mutate`.", file=sys.stderr)
        return 1
    total: collections.Counter[str] = collections.Counter()
    for module, count in sorted(counts.items()):
        total += count
        print(f"{module:45} {_score(count)}")
    print(f"{'alla kärnmoduler':45} {_score(total)}")
    return 0


def _score(count: collections.Counter[str]) -> str:
    all_mutants = sum(count.values())
    others = ", ".join(f"{n} {status}" for status, n in sorted(count.items()) if status != "killed")
    share = 100 * count["killed"] / all_mutants
    return f"{count['killed']}/{all_mutants} dödade ({share:.0f} %)" + (f"; {others}" if others else "")


if __name__ == "__main__":
    sys.exit(main())
