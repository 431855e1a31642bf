"""`realpolitik code` — code one text, or a JSONL batch into the scorer's prediction format."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from pathlib import Path

from realpolitik.cli.common import ActorsOption, PhoenixOption, knowledge_base, parse_date


def register(app: typer.Typer) -> None:
    @app.command()
    def code(
        text: Optional[str] = typer.Argument(None, help="The text to code ('-' = stdin)."),
        date: Optional[str] = typer.Option(None, "--date", help="Article date YYYY-MM-DD (anchors relative dates)."),
        jsonl: Optional[str] = typer.Option(None, "--jsonl", help="Input JSONL of {id, text, date?}."),
        out: Optional[str] = typer.Option(None, "--out", help="Output JSONL (prediction format) for --jsonl."),
        explain: bool = typer.Option(False, "--explain", help="Show trigger, actor spans and the rule that fired."),
        all_: bool = typer.Option(False, "--all", help="Also show hypothetical and negated events."),
        rules_only: bool = typer.Option(False, "--rules-only", help="No learned classifier."),
        actors: list[Path] = ActorsOption,
        phoenix: list[Path] = PhoenixOption,
    ) -> None:
        """Code TEXT and print the events as JSON, or code a --jsonl batch into --out."""
        from realpolitik import api
        from realpolitik.events.explain import coded_to_json

        clf = None if rules_only else "default"
        kb = knowledge_base(actors, phoenix)
        if jsonl:
            n = api.code_jsonl(jsonl, out or sys.stdout, classifier=clf, kb=kb)
            if out:
                typer.echo(f"{n} lines written to {out}", err=True)
            return
        if text is None or text == "-":
            text = sys.stdin.read()
        coded = api.code_text(text, date=parse_date(date), classifier=clf, kb=kb)
        typer.echo(json.dumps(coded_to_json(coded, explain=explain, include_flagged=all_ or explain),
                              indent=2, ensure_ascii=False))
