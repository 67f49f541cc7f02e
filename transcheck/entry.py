"""The ``transcheck`` command's entry point: ``--version`` answers before the pipeline loads."""

from __future__ import annotations

import sys

from . import __version__


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(f"transcheck, version {__version__}")
        sys.exit(0)
    from .cli import main as cli_main

    cli_main(argv)
