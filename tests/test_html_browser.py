"""The HTML report in a real browser: headless Chromium driven by Selenium.

Clicking a finding must bring its row into view and light up the fact in both versions;
the severity filters must hide findings. A screenshot is saved under artifacts/ for people
to look at. Without chromium, chromedriver or selenium the test skips locally; CI sets
TRANSCHECK_REQUIRE_BROWSER=1 so that there it fails instead.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from transcheck.cli import _load
from transcheck.report import render_run
from transcheck.run import PairResult, RunResult, finish

from .conftest import BITPUSH, FIXTURES, ROOT, TECHFLOW

ARTIFACTS = ROOT / "artifacts"
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--window-size=1400,900",
)


def _missing(what: str) -> None:
    if os.environ.get("TRANSCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"{what} is required for the browser test (TRANSCHECK_REQUIRE_BROWSER=1)")
    pytest.skip(f"{what} not available")


def _binary(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium")
    chromium = _binary("chromium", "chromium-browser")
    driver_path = _binary("chromedriver")
    if chromium is None:
        _missing("chromium")
    if driver_path is None:
        _missing("chromedriver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium  # type: ignore[assignment]
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = finish(PairResult(str(BITPUSH), str(TECHFLOW), folder="pairs/ejaaz-grok5",
                               title="Why Grok 5 could be the strongest model of 2026 (Ejaaz)",
                               left_label="BitpushNews → ja", right_label="TechFlow → ja",
                               report=_check()))
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_run(RunResult([report]), "html"), encoding="utf-8")
    return path


def _check() -> Any:
    from transcheck.check import check_documents

    return check_documents(_load(str(BITPUSH), "auto", None), _load(str(TECHFLOW), "auto", None))


def _click(browser: Any, item: Any) -> None:
    """Click a finding as a person would, after scrolling the findings list to it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", item)
    item.find_element("tag name", "a").click()


IN_VIEW = """
const r = arguments[0].getBoundingClientRect();
return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
"""


def test_click_finding_scrolls_row_into_view_and_marks_both_sides(browser: Any,
                                                                  page: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    assert "transcheck" in browser.title
    errors = browser.find_elements(By.CSS_SELECTOR, "li.finding.sev-error")
    assert errors, "the Ejaaz pair has errors to show"
    # the last error sits far down the article: its row starts out of view
    target = max(
        (li for li in browser.find_elements(By.CSS_SELECTOR, "li.finding")
         if li.get_attribute("data-row") and
         len(browser.find_elements(By.CSS_SELECTOR,
                                   f'mark[data-f~="{li.get_attribute("data-f")}"]')) == 2),
        key=lambda li: int(li.get_attribute("data-row").rsplit("r", 1)[1]),
    )
    key = target.get_attribute("data-f")
    row = browser.find_element(By.ID, target.get_attribute("data-row"))
    assert not browser.execute_script(IN_VIEW, row)
    _click(browser, target)
    assert browser.execute_script(IN_VIEW, row)
    assert "active" in row.get_attribute("class").split()
    marks = browser.find_elements(By.CSS_SELECTOR, f'mark[data-f~="{key}"]')
    sides = {m.find_element(By.XPATH, "ancestor::td").get_attribute("cellIndex") for m in marks}
    assert len(marks) == 2 and sides == {"0", "1"}
    for m in marks:
        assert "active" in m.get_attribute("class").split()
        assert browser.execute_script(IN_VIEW, m)
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "html-report.png"))

    # a second click moves the highlight: the first finding's marks are no longer active
    other = browser.find_elements(By.CSS_SELECTOR, "li.finding.sev-error")[0]
    if other.get_attribute("data-f") != key:
        _click(browser, other)
        assert all("active" not in m.get_attribute("class").split() for m in marks)


def test_severity_filters_hide_findings(browser: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    infos = browser.find_elements(By.CSS_SELECTOR, "li.finding.sev-info")
    errors = browser.find_elements(By.CSS_SELECTOR, "li.finding.sev-error")
    assert infos and errors
    # the list leads with errors and warnings; the infos wait, folded, below them
    first = browser.find_element(By.CSS_SELECTOR, "li.finding")
    assert "sev-info" not in first.get_attribute("class").split()
    assert not infos[0].is_displayed()
    browser.find_element(By.CSS_SELECTOR, "details.infos > summary").click()
    assert infos[0].is_displayed()
    shown = browser.find_element(By.ID, "shown-total")
    assert shown.text == str(len(infos) + len(browser.find_elements(
        By.CSS_SELECTOR, "li.finding:not(.sev-info)")))
    browser.find_element(By.CSS_SELECTOR, 'input.sev-filter[value="info"]').click()
    assert not any(li.is_displayed() for li in infos)
    assert errors[0].is_displayed()
    # the counts follow the filters: the total and the pair's
    serious = len(browser.find_elements(By.CSS_SELECTOR, "li.finding:not(.sev-info)"))
    assert shown.text == str(serious)
    assert browser.find_element(By.CSS_SELECTOR, ".pair-shown").text == str(serious)
    # with infos hidden, "only rows with findings" keeps just the rows with errors or warnings
    browser.find_element(By.ID, "only-findings").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.link")
    shown = [r for r in rows if r.is_displayed()]
    assert shown and len(shown) < len(rows)
    assert all({"has-error", "has-warning"} & set(r.get_attribute("class").split())
               for r in shown)
    browser.find_element(By.CSS_SELECTOR, 'input.sev-filter[value="info"]').click()
    assert infos[0].is_displayed()
    assert len([r for r in rows if r.is_displayed()]) > len(shown)
    # nothing on the page comes from the network
    assert not browser.find_elements(By.CSS_SELECTOR, "link[href], script[src], img[src]")


def test_on_a_phone_both_versions_are_stacked_under_their_labels(browser: Any,
                                                                 page: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2,
                             "mobile": True})
    try:
        browser.get(page.as_uri())
        assert browser.execute_script("return innerWidth") == 390
        # the text starts on the first screen, after the errors and warnings
        first = browser.find_element(By.CSS_SELECTOR, "td.side")
        assert browser.execute_script("return arguments[0].getBoundingClientRect().top",
                                      first) < 844
        # no side-by-side columns: each row's two cells are stacked, each under its label
        assert not browser.find_element(By.CSS_SELECTOR, "table.sbs thead").is_displayed()
        row = browser.find_element(By.CSS_SELECTOR, "tr.link.has-error")
        cells = row.find_elements(By.CSS_SELECTOR, "td")
        boxes = [browser.execute_script("return arguments[0].getBoundingClientRect()", c)
                 for c in cells]
        assert boxes[1]["top"] >= boxes[0]["bottom"] - 1
        assert all(b["width"] > 340 for b in boxes)
        labels = [c.find_element(By.CSS_SELECTOR, ".side-label") for c in cells]
        assert all(label.is_displayed() for label in labels)
        assert [label.text for label in labels] == ["BitpushNews → ja", "TechFlow → ja"]
        # clicking a finding still brings its marks into view
        target = browser.find_element(By.CSS_SELECTOR, "li.finding.sev-error")
        _click(browser, target)
        marks = browser.find_elements(By.CSS_SELECTOR,
                                      f'mark[data-f~="{target.get_attribute("data-f")}"]')
        assert any(browser.execute_script(IN_VIEW, m) for m in marks)
        browser.execute_script("window.scrollTo(0, 0)")
        ARTIFACTS.mkdir(exist_ok=True)
        assert browser.save_screenshot(str(ARTIFACTS / "html-report-phone.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_run_of_pairs_opens_with_an_index(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from transcheck.run import Options, run

    result = run([str(ROOT / "tests" / "fixtures" / "runs")], Options())
    path = tmp_path / "run.html"
    path.write_text(render_run(result, "html"), encoding="utf-8")
    browser.get(path.as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, "nav.index a")
    assert len(links) == len(result.pairs) == 4
    sections = browser.find_elements(By.CSS_SELECTOR, "section.pair")
    assert [a.get_attribute("href").rsplit("#", 1)[1] for a in links] == \
        [s.get_attribute("id") for s in sections]
    links[-1].click()
    assert browser.execute_script(IN_VIEW, sections[-1].find_element(By.TAG_NAME, "h2"))
    # the sticky version labels sit below the bar, not under it
    browser.execute_script("window.scrollBy(0, 400)")
    bar = browser.find_element(By.CSS_SELECTOR, "header.bar")
    heads = [h for h in browser.find_elements(By.CSS_SELECTOR, "table.sbs th")
             if browser.execute_script(IN_VIEW, h)]
    bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", bar)
    assert all(browser.execute_script("return arguments[0].getBoundingClientRect().top", h)
               >= bottom - 1 for h in heads)


def test_the_fact_table_marks_the_blamed_cell_on_desktop_and_phone(browser: Any,
                                                                   tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from transcheck.run import run

    # a folder deep enough that its path, unbroken, is wider than a phone
    folder = tmp_path / ("newsroom_editorial_repository_" * 3) / "ejaaz"
    shutil.copytree(FIXTURES / "chains" / "ejaaz", folder)
    path = tmp_path / "chains.html"
    path.write_text(render_run(run([str(folder)]), "html"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.set_window_size(1400, 1000)
    browser.get(path.as_uri())
    section = browser.find_element(By.CSS_SELECTOR, "section.facts")
    browser.execute_script("arguments[0].scrollIntoView()", section)
    rows = section.find_elements(By.CSS_SELECTOR, "tr.fact-row")
    assert len(rows) == 6  # 进入2026年 / 到2026年 / 2026年を迎え(る頃には) agree
    blamed = section.find_elements(By.CSS_SELECTOR, "td.blamed")
    assert len(blamed) == 1 and all("drift came in here" in c.text for c in blamed)
    assert "350億ドル" in blamed[-1].text
    assert section.find_elements(By.CSS_SELECTOR, "em.cannot-tell")[0].text == "cannot tell"
    # the four versions side by side on a desktop: one row, four cells abreast
    cells = rows[0].find_elements(By.CSS_SELECTOR, "td.cell")
    tops = {round(browser.execute_script("return arguments[0].getBoundingClientRect().top",
                                         c)) for c in cells}
    assert len(cells) == 4 and len(tops) == 1
    section.screenshot(str(ARTIFACTS / "html-fact-table.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2,
                             "mobile": True})
    try:
        browser.get(path.as_uri())
        section = browser.find_element(By.CSS_SELECTOR, "section.facts")
        browser.execute_script("arguments[0].scrollIntoView()", section)
        # stacked: each version's cell under the one before, under its label, the page
        # no wider than the phone
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        row = section.find_elements(By.CSS_SELECTOR, "tr.fact-row")[-1]
        cells = row.find_elements(By.CSS_SELECTOR, "td.cell")
        boxes = [browser.execute_script("return arguments[0].getBoundingClientRect()", c)
                 for c in cells]
        assert all(b["top"] >= a["bottom"] - 1 for a, b in itertools.pairwise(boxes))
        labels = [c.find_element(By.CSS_SELECTOR, ".side-label") for c in cells]
        assert all(label.is_displayed() for label in labels)
        assert [label.text for label in labels] == ["BitpushNews (zh)", "TechFlow (zh)",
                                                    "BitpushNews → ja", "TechFlow → ja"]
        mark = row.find_element(By.CSS_SELECTOR, "td.blamed .blamed-mark")
        assert mark.is_displayed() and "drift came in here" in mark.text
        section.screenshot(str(ARTIFACTS / "html-fact-table-phone.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
