"""Times: years and parts of years, relative to the article's date where written so.

First version: 今年 / 来年 / 昨年 with 末 (end of) and 初め (start of), and the
direction word after them (までに by, から from, まで until).
"""

from __future__ import annotations

from datetime import date

import regex

from ..lang import ja
from ..model import TimeSpan

_RELATIVE = regex.compile(
    r"(?P<year>" + "|".join(ja.RELATIVE_YEARS) + r")(?P<part>末|初め|初)?"
    r"(?P<dir>までに|まで|から|以降)?"
)
_DIRECTIONS = {"までに": "by", "まで": "until", "から": "from", "以降": "from"}


def extract_times(text: str, lang: str, when: date | None, *, base: int = 0,
                  unit: int = 0) -> list[TimeSpan]:
    found: list[TimeSpan] = []
    for m in _RELATIVE.finditer(text):
        offset = ja.RELATIVE_YEARS[m.group("year")]
        part = m.group("part")
        anchor = f"Y{offset:+d}" + (":end" if part == "末" else ":start" if part else "")
        start_d = end_d = None
        if when is not None:
            year = when.year + offset
            start_d, end_d = date(year, 1, 1), date(year, 12, 31)
            if part == "末":
                start_d = date(year, 10, 1)
            elif part:
                end_d = date(year, 3, 31)
        found.append(TimeSpan(
            unit_index=unit, start=base + m.start(), end=base + m.end(), text=m.group(),
            time_start=start_d, time_end=end_d, relative=True, anchor=anchor,
            direction=_DIRECTIONS.get(m.group("dir") or ""),
            granularity="part" if part else "year",
        ))
    return found
