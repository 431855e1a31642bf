"""`realpolitik forecast`: a thin shell over realpolitik.forecast.forecast()."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from realpolitik.errors import ScenarioError


def forecast_command(
    file: Path = typer.Argument(..., help="Scenario file (.yaml/.csv) or a DEU III .tsv file of many issues."),
    fmt: str = typer.Option("auto", "--format", help="scenario | deu3 | auto (by extension and header)."),
    model: str = typer.Option("compromise", "--model", "-m", help="compromise | median | nash | eum | exchange | council."),
    rounds: int = typer.Option(10, "--rounds", help="Maximum bargaining rounds (eum)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write .csv (rounds, or isnr,prediction for many "
                                                           "issues) or .json (full result)."),
    chart: Optional[Path] = typer.Option(None, "--chart", help="Save the round-by-round chart: .html, or .png where kaleido and Chrome are installed (else HTML, said so)."),
    sets: list[str] = typer.Option([], "--set", help="Override, e.g. --set USA.salience=0.9 (repeatable)."),
    variant: Optional[str] = typer.Option(None, "--variant", help="Apply a variant defined in the scenario file."),
    mc: int = typer.Option(0, "--mc", help="Monte Carlo runs over the *_sd / *_range columns."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed for --mc."),
    status_quo: Optional[float] = typer.Option(None, "--status-quo", help="Status quo (Nash disagreement point)."),
    capability: str = typer.Option("nice", "--capability", help="DEU III capabilities: nice | equal | gdp."),
    param: list[str] = typer.Option([], "--param", help="Model parameter, e.g. --param q=0.5 --param risk=neutral."),
) -> None:
    """Forecast the outcome of a bargaining issue with a stakeholder model."""
    from realpolitik.forecast import forecast, predictions_frame

    params = _parse_params(param)
    results = forecast(file, fmt=fmt, model=model, rounds=rounds, overrides=sets, variant=variant, mc=mc,
                       seed=seed, status_quo=status_quo, capability=capability, params=params)
    if len(results) > 1:
        if chart is not None:
            raise ScenarioError("--chart draws one issue's rounds; this file has "
                                f"{len(results)} issues (use --out for their predictions)")
        frame = predictions_frame(results)
        known = [(r.prediction, r.outcome) for r in results if r.outcome is not None]
        typer.echo(f"{len(results)} issues forecast with the {model} model")
        if known:
            mae = sum(abs(p - o) for p, o in known) / len(known)
            typer.echo(f"mean absolute error against {len(known)} known outcomes: {mae:.2f}")
        if out is not None:
            if out.suffix.lower() == ".json":
                frame.to_json(out, orient="records", indent=1)
            else:
                frame.to_csv(out, index=False)
            typer.echo(f"wrote {out}")
        else:
            typer.echo(frame.to_string(index=False))
        return
    res = results[0]
    _print_result(res)
    if out is not None:
        if out.suffix.lower() == ".json":
            res.to_json(out)
        else:
            res.rounds_table().to_csv(out, index=False)
        typer.echo(f"wrote {out}")
    if chart is not None:
        typer.echo(res.save_chart(chart))


def _parse_params(items: list[str]) -> dict:
    params: dict = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ScenarioError(f"--param {item!r}: expected NAME=VALUE, e.g. q=0.5")
        try:
            value: object = float(raw)
        except ValueError:
            value = raw.strip()
        params[key.strip()] = value
    return params


def _print_result(res) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{res.scenario}[/bold] - model: {res.model}")
    table = Table(show_header=True, header_style="bold")
    table.add_column("actor")
    last = len(res.positions) - 1
    table.add_column("start", justify="right")
    if last:
        table.add_column(f"round {last}", justify="right")
    for k, name in enumerate(res.actors):
        row = [name, f"{res.positions[0][k]:.1f}"]
        if last:
            row.append(f"{res.positions[last][k]:.1f}")
        table.add_row(*row)
    console.print(table)
    for m in res.moves:
        console.print(f"  round {m.round}: {m.reason}")
    console.print(f"predicted outcome: [bold]{res.prediction:.1f}[/bold]"
                  + (f" (status quo {res.status_quo:g})" if res.status_quo is not None else ""))
    if res.montecarlo is not None:
        mcr, q = res.montecarlo, res.montecarlo.quantiles
        console.print(f"Monte Carlo ({mcr.runs} runs, seed {mcr.seed}): mean {mcr.mean:.1f}, sd {mcr.sd:.1f}, "
                      f"90% interval {q['p5']:.1f}-{q['p95']:.1f}, median {q['p50']:.1f}")


def register(app: typer.Typer) -> None:
    """Add the `forecast` command to the main app."""
    app.command("forecast")(forecast_command)
