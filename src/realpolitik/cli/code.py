"""`realpolitik code` — code one text, or a JSONL batch into the scorer's prediction format."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from realpolitik.cli.common import (ActorsOption, ForceOption, PhoenixOption, VerbsOption, check_overwrite,
                                    knowledge_base, parse_date, safe, stderr)


def register(app: typer.Typer) -> None:
    @app.command()
    def code(
        text: Optional[str] = typer.Argument(None, help="The text to code ('-' = stdin)."),
        date: Optional[str] = typer.Option(None, "--date", help="Article date YYYY-MM-DD (anchors relative dates)."),
        jsonl: Optional[str] = typer.Option(None, "--jsonl", help="Input JSONL of {id, text, date?} ('-' = stdin)."),
        out: Optional[str] = typer.Option(None, "--out", help="Output JSONL (prediction format) for --jsonl."),
        explain: bool = typer.Option(False, "--explain", help="Show trigger, actor spans and the rule that fired."),
        all_: bool = typer.Option(False, "--all", help="Also show hypothetical and negated events."),
        rules_only: bool = typer.Option(False, "--rules-only", help="No learned classifier."),
        force: bool = ForceOption,
        actors: list[Path] = ActorsOption,
        phoenix: list[Path] = PhoenixOption,
        verbs: list[Path] = VerbsOption,
    ) -> None:
        """Code TEXT and print the events as JSON, or code a --jsonl batch into --out."""
        from realpolitik.nlp.model import import_spacy

        import_spacy()  # before the coder's modules import it: without spaCy's own CLI (a faster start)
        from realpolitik import api
        from realpolitik.events.explain import coded_to_json

        clf = None if rules_only else "default"
        if jsonl:
            check_overwrite(out, inputs=[jsonl], force=force)
        coder = api.build_coder(classifier=clf, kb=knowledge_base(actors, phoenix), verbs=verbs)
        if jsonl:
            report = api.code_jsonl(sys.stdin if jsonl == "-" else jsonl, out or sys.stdout, coder=coder)
            for warning in report.warnings:
                stderr.print(f"[yellow]warning[/yellow] {safe(warning)}")
            for failure in report.failures:
                stderr.print(f"[red]failed[/red] {safe(failure)}")
            if out or report.failures:
                where = f" to {safe(out)}" if out else ""
                stderr.print(f"{report.written} lines written{where}, {len(report.failures)} records failed, "
                             f"{len(report.warnings)} warnings")
            if report.failures:
                raise typer.Exit(1)
            return
        if text is None or text == "-":
            text = sys.stdin.read()
        coded = api.code_text(text, date=parse_date(date), coder=coder)
        typer.echo(json.dumps(coded_to_json(coded, explain=explain, include_flagged=all_ or explain),
                              indent=2, ensure_ascii=False))
