from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EJAAZ = ROOT / "pairs" / "ejaaz-grok5"
BITPUSH = EJAAZ / "bitpush.ja.txt"
TECHFLOW = EJAAZ / "techflow.ja.txt"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process: its exit code, standard output and standard error."""
    from transcheck.cli import main

    try:
        main(args)
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture(autouse=True)
def no_result_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
                    ) -> None:
    """Tests check what they run: the result cache is off unless a test turns it on, and
    it never touches the user's own cache or key."""
    monkeypatch.setenv("TRANSCHECK_NO_CACHE", "1")
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("TRANSCHECK_CACHE_KEY", raising=False)


@pytest.fixture(scope="session")
def ejaaz_report():  # type: ignore[no-untyped-def]
    """The check of the bundled Ejaaz pair, computed once for the whole session."""
    from transcheck.check import check_documents
    from transcheck.cli import _load

    return check_documents(_load(str(BITPUSH), "auto", None), _load(str(TECHFLOW), "auto", None))


@pytest.fixture
def align_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The keyword arguments of each alignment of a checked pair, in call order."""
    check_module = importlib.import_module("transcheck.check")  # the name is also a function
    real = check_module.align
    seen: list[dict[str, Any]] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(check_module, "align", spy)
    return seen
