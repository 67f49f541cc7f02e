from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(scope="session")
def ejaaz_report():  # type: ignore[no-untyped-def]
    """The check of the bundled Ejaaz pair, computed once for the whole session."""
    from transcheck.check import check_documents
    from transcheck.cli import _load

    return check_documents(_load(str(BITPUSH), "auto", None), _load(str(TECHFLOW), "auto", None))
