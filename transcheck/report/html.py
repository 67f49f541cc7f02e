"""One self-contained HTML page: the two versions side by side, the drift marked in both.

Editors would rather look than read logs. Each alignment link is a table row with the
left version's units in one cell and the right version's in the other (a paragraph found
in one version only leaves the other cell empty). The facts a finding is about are
``<mark>``-ed on both sides; the findings list beside the table jumps to them (click: the
row scrolls into view and both marks light up), and checkboxes filter by severity. The page
has its CSS and JS inline and loads nothing from the network; all text is escaped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from ..model import Document, Finding, Location, Report
from ..run import PairResult, RunResult
from .common import SEVERITY_RANK, counts_text, display_path, labels, single, stale_note

SEVERITIES = ("error", "warning", "info")


def _e(text: object) -> str:
    """Escaped for HTML; line breaks as character references, which render the same, so
    that no line of the page begins with text from a file (a ``::error`` workflow command
    in a folder name, should the page reach a CI log)."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))
    return escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # shown, never sent raw


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's span inside one unit of one version."""

    start: int
    end: int
    key: str
    severity: str


def _unit_of(doc: Document, loc: Location) -> int | None:
    if loc.unit_index is not None:
        return loc.unit_index
    unit = doc.unit_at(loc.start)
    return unit.index if unit else None


def _segments(text: str, base: int, marks: list[Mark], side: str) -> Iterator[str]:
    """The unit's text as HTML, overlapping marks split into non-overlapping pieces."""
    if not marks:
        yield _e(text)
        return
    end_of_text = base + len(text)
    cuts = sorted({base, end_of_text} | {m.start for m in marks} | {m.end for m in marks})
    given: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        piece = _e(text[a - base : b - base])
        over = [m for m in marks if m.start <= a and b <= m.end]
        if not over:
            yield piece
            continue
        worst = min(over, key=lambda m: SEVERITY_RANK[m.severity]).severity
        keys = " ".join(m.key for m in over)
        ident = ""
        fresh = [m.key for m in over if m.key not in given]
        given.update(fresh)
        if fresh:
            ident = f' id="{_e(fresh[0])}-{side}"'
        # findings starting at the same place as another get an anchor of their own
        anchors = "".join(f'<span class="anchor" id="{_e(k)}-{side}"></span>' for k in fresh[1:])
        yield f'{anchors}<mark{ident} class="sev-{worst}" data-f="{_e(keys)}">{piece}</mark>'


@dataclass(slots=True)
class _Side:
    """Marks and whole-unit findings of one version, by unit."""

    marks: dict[int, list[Mark]]
    whole: dict[int, list[tuple[str, str]]]  # unit → [(key, severity)]


def _collect(doc: Document, keyed: list[tuple[str, Finding]], side: str) -> _Side:
    out = _Side({}, {})
    for key, f in keyed:
        loc = f.left if side == "left" else f.right
        if loc is None:
            continue
        unit_index = _unit_of(doc, loc)
        if unit_index is None:
            continue
        unit = doc.units[unit_index]
        start, end = max(loc.start, unit.start), min(loc.end, unit.end)
        if (start, end) == (unit.start, unit.end) and f.rule == "unaligned-unit":
            out.whole.setdefault(unit_index, []).append((key, f.severity))
        elif start < end:
            out.marks.setdefault(unit_index, []).append(Mark(start, end, key, f.severity))
    return out


def _cell(doc: Document, units: tuple[int, ...], side: _Side, name: str, which: str) -> str:
    if not units:
        return f'<td class="side empty" title="nothing corresponds in {_e(name)}"></td>'
    parts = []
    for i in units:
        u = doc.units[i]
        whole = side.whole.get(i, [])
        cls = "u"
        attrs = ""
        if whole:
            worst = min((s for _, s in whole), key=SEVERITY_RANK.__getitem__)
            cls += f" unaligned sev-{worst}"
            attrs = f' data-f="{_e(" ".join(k for k, _ in whole))}"'
        body = "".join(_segments(u.text, u.start, side.marks.get(i, []), which))
        parts.append(f'<div class="{cls}"{attrs}><span class="ln">{u.line}</span>'
                     f'<span class="t">{body}</span></div>')
    return f'<td class="side" lang="{_e(doc.lang)}">{"".join(parts)}</td>'


def _finding_item(key: str, row: str, f: Finding) -> str:
    lines = " ↔ ".join(f"L{loc.line}" if loc else "—" for loc in (f.left, f.right))
    return (f'<li class="finding sev-{f.severity}" data-f="{_e(key)}" data-row="{_e(row)}">'
            f'<a href="#{_e(row)}"><span class="badge sev-{f.severity}">{f.severity}</span> '
            f'<code>{_e(f.rule)}</code> <span class="lines">{lines}</span>'
            f'<span class="msg">{_e(f.message)}</span></a></li>')


def _row_of(report: Report, f: Finding) -> int | None:
    if f.link is not None and 0 <= f.link < len(report.alignment):
        return f.link
    for side, doc in (("left", report.left), ("right", report.right)):
        loc = f.left if side == "left" else f.right
        unit = _unit_of(doc, loc) if loc else None
        if unit is None:
            continue
        for k, link in enumerate(report.alignment):
            if unit in (link.left if side == "left" else link.right):
                return k
    return None


def pair_section(p: int, pair: PairResult) -> str:
    title = _e(pair.title or pair.name)
    out = [f'<section class="pair" id="p{p}"><h2>{title}</h2>']
    if pair.folder and pair.title:
        out.append(f'<p class="meta"><code>{_e(pair.folder)}</code></p>')
    if pair.error is not None or pair.report is None:
        out.append(f'<p class="input-error">Input error: {_e(pair.error or "")}</p></section>')
        return "".join(out)
    report = pair.report
    names = labels(pair)
    notes = [counts_text(report.summary())]
    if pair.hidden:
        notes.append(f"{pair.hidden} hidden by the baseline")
    if pair.suppressed:
        notes.append(f"{pair.suppressed} suppressed inline")
    dates = {d.date.isoformat() for d in (report.left, report.right) if d.date}
    if dates:
        notes.append("article date " + " / ".join(sorted(dates)))
    out.append(f'<p class="meta">{_e(" · ".join(notes))}</p>')
    out += [f'<p class="stale">ℹ️ {_e(stale_note(e))}</p>' for e in pair.stale]

    keyed = [(f"p{p}-f{k}", f) for k, f in enumerate(report.findings)]
    rows_with: dict[int, set[str]] = {}  # row → severities of its findings
    items = []
    for key, f in keyed:
        k = _row_of(report, f)
        row = f"p{p}-r{k}" if k is not None else f"p{p}"
        if k is not None:
            rows_with.setdefault(k, set()).add(f.severity)
        items.append(_finding_item(key, row, f))
    left, right = _collect(report.left, keyed, "left"), _collect(report.right, keyed, "right")

    out.append('<div class="pair-body"><aside class="findings">')
    out.append(f"<h3>Findings ({len(keyed)})</h3>")
    out.append(f'<ol>{"".join(items)}</ol>' if items else '<p class="none">No findings.</p>')
    out.append("</aside>")
    out.append('<table class="sbs"><thead><tr>')
    for name, doc in ((names[0], report.left), (names[1], report.right)):
        out.append(f"<th>{_e(name)}<br><small>{_e(display_path(doc.path))}</small></th>")
    out.append("</tr></thead><tbody>")
    for k, link in enumerate(report.alignment):
        cls = " ".join(["link", *(f"has-{sev}" for sev in SEVERITIES
                                  if sev in rows_with.get(k, ()))])
        score = f' title="score {link.score:.2f}"' if link.score is not None else ""
        out.append(f'<tr id="p{p}-r{k}" class="{cls}"{score}>'
                   f"{_cell(report.left, link.left, left, names[0], 'l')}"
                   f"{_cell(report.right, link.right, right, names[1], 'r')}</tr>")
    out.append("</tbody></table></div></section>")
    return "".join(out)


CSS = """
:root{--err:#cf222e;--warn:#9a6700;--info:#0969da;--fg:#1f2328;--muted:#656d76;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#f6f8fa;font:15px/1.75 system-ui,-apple-system,
 "Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Yu Gothic",
 Meiryo,sans-serif}
header.bar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.4em 1.4em;
 align-items:center;padding:.55em 1.2em;background:#24292f;color:#fff;font-size:14px}
header.bar strong{font-size:16px}
header.bar label{cursor:pointer;white-space:nowrap}
main{padding:.5em 0 3em}
section.pair{margin:0 0 2.5em}
section.pair>h2{margin:.6em 1.2rem .1em;font-size:20px}
p.meta,p.stale,p.input-error{margin:.1em 1.2rem .5em;color:var(--muted);font-size:13px}
p.input-error{color:var(--err);font-weight:600;font-size:15px}
.pair-body{display:grid;grid-template-columns:minmax(15em,21em) minmax(0,1fr);gap:1em;
 align-items:start;padding:0 1.2rem}
aside.findings{position:sticky;top:3.4em;max-height:calc(100vh - 4.2em);overflow:auto;
 background:#fff;border:1px solid var(--line);border-radius:6px}
aside h3{margin:0;padding:.5em .8em;font-size:14px;border-bottom:1px solid var(--line);
 background:#f6f8fa;position:sticky;top:0}
aside ol{list-style:none;margin:0;padding:0}
aside p.none{padding:0 .8em;color:var(--muted)}
li.finding a{display:block;padding:.5em .8em;border-bottom:1px solid #eaeef2;color:inherit;
 text-decoration:none;font-size:13px;line-height:1.5}
li.finding a:hover{background:#f6f8fa}
li.finding.active a{background:#fff8c5;box-shadow:inset 3px 0 #fb8500}
li.finding code{font-size:12px;color:var(--muted)}
li.finding .lines{float:right;color:var(--muted);font-size:12px}
li.finding .msg{display:block}
.badge{display:inline-block;min-width:4.6em;text-align:center;border-radius:1em;
 padding:0 .5em;font-size:11px;font-weight:600;color:#fff;line-height:1.7}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.badge.sev-info{background:var(--info)}
table.sbs{width:100%;border-collapse:collapse;table-layout:fixed;background:#fff;
 border:1px solid var(--line);border-radius:6px}
table.sbs th{position:sticky;top:2.6em;z-index:2;background:#f6f8fa;text-align:left;
 padding:.4em .8em;border-bottom:1px solid var(--line);font-size:14px}
table.sbs th small{color:var(--muted);font-weight:400}
table.sbs td{vertical-align:top;padding:.35em .8em;border-top:1px solid #eaeef2;width:50%}
table.sbs td.empty{background:repeating-linear-gradient(135deg,#fafbfc 0 6px,#f0f2f4 6px 12px)}
tr.link.active td{background:#fffbe6}
.u{display:flex;gap:.7em}
.u+.u{margin-top:.3em}
.u .ln{flex:0 0 2.4em;text-align:right;color:var(--muted);font-size:12px;padding-top:.2em;
 user-select:none;font-variant-numeric:tabular-nums}
.u .t{flex:1;min-width:0;overflow-wrap:anywhere}
.u.unaligned{border-left:3px solid var(--info);padding-left:.3em}
.u.unaligned.sev-error{border-color:var(--err)}.u.unaligned.sev-warning{border-color:var(--warn)}
mark{color:inherit;border-radius:3px;padding:0 1px;cursor:pointer}
mark.sev-error{background:#ffebe9;box-shadow:inset 0 -2px var(--err)}
mark.sev-warning{background:#fff8c5;box-shadow:inset 0 -2px var(--warn)}
mark.sev-info{background:#ddf4ff;box-shadow:inset 0 -2px var(--info)}
mark.active,.u.active{outline:3px solid #fb8500;outline-offset:1px;background:#ffe8a3}
.hide-error li.sev-error,.hide-warning li.sev-warning,.hide-info li.sev-info{display:none}
.hide-error mark.sev-error,.hide-warning mark.sev-warning,.hide-info mark.sev-info{
 background:none;box-shadow:none}
.hide-info .u.unaligned.sev-info{border-left-color:transparent}
tr.link.filtered{display:none}
footer{padding:1em 1.2rem;color:var(--muted);font-size:12px}
@media (max-width:900px){.pair-body{grid-template-columns:1fr}
 aside.findings{position:static;max-height:none}}
"""

JS = """
(function(){
  var body=document.body, lit=[];
  function light(li, scroll){
    lit.forEach(function(e){e.classList.remove('active');});
    var key=li.getAttribute('data-f');
    lit=Array.prototype.slice.call(document.querySelectorAll('[data-f~="'+key+'"]'));
    var row=document.getElementById(li.getAttribute('data-row'));
    if(row){lit.push(row); if(scroll){row.scrollIntoView({block:'center'});}}
    lit.forEach(function(e){e.classList.add('active');});
    if(history.replaceState){history.replaceState(null,'','#'+key);}
  }
  var items=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  items.forEach(function(li){
    li.addEventListener('click',function(ev){ev.preventDefault(); light(li,true);});
  });
  document.querySelectorAll('mark[data-f],.u[data-f]').forEach(function(m){
    m.addEventListener('click',function(){
      var key=m.getAttribute('data-f').split(' ')[0];
      var li=document.querySelector('li.finding[data-f="'+key+'"]');
      if(li){light(li,false); li.scrollIntoView({block:'nearest'});}
    });
  });
  var filters=Array.prototype.slice.call(document.querySelectorAll('input.sev-filter'));
  var only=document.getElementById('only-findings');
  function filter(){
    var shown=filters.filter(function(cb){return cb.checked;}).map(function(cb){return cb.value;});
    filters.forEach(function(cb){body.classList.toggle('hide-'+cb.value,!cb.checked);});
    document.querySelectorAll('tr.link').forEach(function(row){
      var keep=!only.checked||shown.some(function(s){return row.classList.contains('has-'+s);});
      row.classList.toggle('filtered',!keep);
    });
  }
  filters.forEach(function(cb){cb.addEventListener('change',filter);});
  only.addEventListener('change',filter);
  document.addEventListener('keydown',function(ev){
    if(ev.target.tagName==='INPUT'||(ev.key!=='j'&&ev.key!=='k')){return;}
    var shown=items.filter(function(li){return li.offsetParent!==null;});
    if(!shown.length){return;}
    var at=shown.indexOf(document.querySelector('li.finding.active'));
    var next=ev.key==='j'?Math.min(at+1,shown.length-1):Math.max(at-1,0);
    light(shown[next],true); shown[next].scrollIntoView({block:'nearest'});
  });
  var hash=location.hash.slice(1);
  if(hash){var li=document.querySelector('li.finding[data-f="'+hash+'"]'); if(li){light(li,true);}}
})();
"""


def render_run(run: RunResult, color: bool = False) -> str:
    counts = run.summary()
    n = len(run.pairs)
    titles = [p.title for p in run.pairs if p.title]
    page_title = f"transcheck — {titles[0]}" if n == 1 and titles else "transcheck report"
    filters = "".join(
        f'<label><input type="checkbox" class="sev-filter" value="{s}" checked> '
        f'<span class="badge sev-{s}">{s}</span> {counts[s]}</label>' for s in SEVERITIES)
    head = (f'<header class="bar"><strong>transcheck</strong>'
            f"<span>{_e(counts_text(counts))} in {n} pair{'s' if n != 1 else ''}</span>"
            f"{filters}"
            '<label><input type="checkbox" id="only-findings"> only rows with findings'
            "</label></header>")
    sections = [pair_section(p, pair) for p, pair in enumerate(run.pairs)]
    stale = "".join(f'<p class="stale">ℹ️ {_e(stale_note(e))}</p>' for e in run.stale)
    footer = ("<footer>Click a finding to show it in both versions; "
              "<kbd>j</kbd>/<kbd>k</kbd> step through findings.</footer>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(page_title)}</title><style>{CSS}</style></head>"
            f"<body>{head}<main>{''.join(sections)}{stale}</main>{footer}"
            f"<script>{JS}</script></body></html>\n")


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
