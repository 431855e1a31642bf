"""`realpolitik forecast`: a thin shell over realpolitik.forecast.forecast() and compare_variants()."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from realpolitik.cli.common import escape_text as esc
from realpolitik.errors import ScenarioError

CHART_MC = 1000  # Monte Carlo runs drawn for the chart's histograms when --mc is not given


def forecast_command(
    file: Path = typer.Argument(..., help="Scenario file (.yaml/.csv) or a DEU III .tsv file of many issues."),
    fmt: str = typer.Option("auto", "--format", help="scenario | deu3 | auto (by extension and header)."),
    model: Optional[str] = typer.Option(None, "--model", "-m",
                                        help="compromise | median | nash | eum | pce | exchange | council. "
                                             "Default: compromise; for DEU III files the model with the best "
                                             "leave-one-dossier-out error in bench/forecast.py (council)."),
    rounds: int = typer.Option(10, "--rounds", help="Maximum bargaining rounds (eum)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write .csv (rounds, or isnr,prediction for many "
                                                           "issues) or .json (full result)."),
    chart: Optional[Path] = typer.Option(None, "--chart", help="Save the charts: .html (the forecast, the variants "
                                         "compared, Monte Carlo histograms), or .png where kaleido and Chrome are "
                                         "installed (else HTML, said so)."),
    sets: list[str] = typer.Option([], "--set", help="Override, e.g. --set USA.salience=0.9 (repeatable)."),
    variant: Optional[str] = typer.Option(None, "--variant", help="Apply a variant defined in the scenario file."),
    mc: int = typer.Option(0, "--mc", help="Monte Carlo runs over the *_sd / *_range columns."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed for --mc."),
    status_quo: Optional[float] = typer.Option(None, "--status-quo", help="Status quo (drawn on charts; Nash's "
                                               "disagreement point with --param disagreement=status_quo)."),
    capability: str = typer.Option("nice", "--capability", help="DEU III capabilities: nice | equal | gdp."),
    param: list[str] = typer.Option([], "--param", help="Model parameter, e.g. --param q=0.5 --param risk=neutral."),
    explain: bool = typer.Option(False, "--explain", help="Show why: each actor's weight, the scenario's notes "
                                 "and sources, and (eum) every challenge with its expected utilities."),
    compare: bool = typer.Option(False, "--compare", help="Print the outcome of every model under the base and "
                                 "every variant of the scenario."),
) -> None:
    """Forecast the outcome of a bargaining issue with a stakeholder model."""
    from rich.console import Console

    from realpolitik.forecast import forecast, predictions_frame

    console = Console(highlight=False)
    params = _parse_params(param)
    if compare:
        _print_comparison(console, file, rounds, mc, seed, params)
        return
    results = forecast(file, fmt=fmt, model=model, rounds=rounds, overrides=sets, variant=variant, mc=mc,
                       seed=seed, status_quo=status_quo, capability=capability, params=params)
    if len(results) > 1:
        if chart is not None:
            raise ScenarioError("--chart draws one issue's rounds; this file has "
                                f"{len(results)} issues (use --out for their predictions)")
        frame = predictions_frame(results)
        known = [(r.prediction, r.outcome) for r in results if r.outcome is not None]
        typer.echo(f"{len(results)} issues forecast with the {results[0].model} model"
                   + ("" if model else " (the DEU III default)"))
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
    _print_result(console, res, explain)
    if out is not None:
        if out.suffix.lower() == ".json":
            res.to_json(out)
        else:
            res.rounds_table().to_csv(out, index=False)
        typer.echo(f"wrote {out}")
    if chart is not None:
        typer.echo(_save_chart(res, file, chart, res.model, rounds, mc, seed, params, sets, status_quo))


def _save_chart(res, file: Path, chart: Path, model: str, rounds: int, mc: int, seed, params, sets, status_quo) -> str:
    """The forecast chart, plus (for a scenario with variants and no --set) the variants compared and
    their Monte Carlo histograms."""
    from realpolitik.forecast import compare_variants, load_scenario
    from realpolitik.forecast.charts import montecarlo_figure, variants_figure

    extra = []
    note = ""
    scn = load_scenario(file)
    if status_quo is not None:
        from dataclasses import replace

        scn = replace(scn, status_quo=float(status_quo))
    if not sets:
        runs = mc or CHART_MC
        seed_used = seed if seed is not None else 0
        compared = compare_variants(scn, model=model, rounds=rounds, mc=runs, seed=seed_used, params=params,
                                    keep_samples=True)
        if len(compared) > 1:
            extra.append(variants_figure(compared))
        if any(r.montecarlo and r.montecarlo.sd > 0 for r in compared):
            extra.append(montecarlo_figure(compared))
        if not mc:
            note = f" (Monte Carlo for the chart: {runs} runs, seed {seed_used})"
    return res.save_chart(chart, extra=extra) + note


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


def _print_comparison(console, file: Path, rounds: int, mc: int, seed, params) -> None:
    from rich.table import Table

    from realpolitik.forecast import SCENARIO_MODELS, compare_variants, load_scenario

    scn = load_scenario(file)
    table = Table(show_header=True, header_style="bold", title=esc(scn.name))
    table.add_column("model")
    names = ["base", *scn.variants]
    for n in names:
        table.add_column(esc(n), justify="right")
    for m in SCENARIO_MODELS:
        if m == "exchange":
            continue  # one issue: identical to compromise
        res = compare_variants(scn, model=m, rounds=rounds, mc=mc, seed=seed, params=params if m == "eum" else None)
        cells = []
        for r in res:
            cell = f"{r.prediction:.1f}"
            if r.montecarlo is not None:
                q = r.montecarlo.quantiles
                cell += f" ({q['p5']:.0f}-{q['p95']:.0f})"
            cells.append(cell)
        table.add_row(m, *cells)
    console.print(table)
    lo, hi = scn.scale_labels
    if lo or hi:
        console.print(f"scale: {scn.scale[0]:g} = {esc(lo)}; {scn.scale[1]:g} = {esc(hi)}"
                      + (f"; status quo {scn.status_quo:g}" if scn.status_quo is not None else ""))
    if mc:
        console.print(f"in brackets: Monte Carlo 90% interval ({mc} runs, seed {seed})")


def _print_result(console, res, explain: bool) -> None:
    from rich.table import Table

    name = res.scenario.split(" [")[0] if res.variant else res.scenario
    head = f"[bold]{esc(name)}[/bold]"
    if res.variant:
        head += f" - variant [bold]{esc(res.variant)}[/bold]"
    console.print(f"{head} - model: {esc(res.model)}")
    if res.salience_scale == "0-100":
        console.print("note: saliences read on a 0-100 scale (a value above 1) and divided by 100")
    if res.effects:
        console.print(f"linkage effects of {esc(res.variant)}:")
        for e in res.effects:
            console.print(f"  {esc(e.effect.text)}: {e.before:g} -> {e.after:g} - {esc(e.effect.note)}"
                          + (f" [dim]({esc(e.effect.source)})[/dim]" if explain and e.effect.source else ""))
    table = Table(show_header=True, header_style="bold")
    table.add_column("actor")
    last = len(res.positions) - 1
    table.add_column("start", justify="right")
    if last:
        table.add_column(f"round {last}", justify="right")
    table.add_column("weight", justify="right")
    if explain:
        table.add_column("why")
    for k, who in enumerate(res.actors):
        row = [esc(who), f"{res.positions[0][k]:.1f}"]
        if last:
            row.append(f"{res.positions[last][k]:.1f}")
        r = res.reasons[k] if res.reasons else None
        row.append(f"{r.share:.0%}" if r else "")
        if explain:
            row.append(esc(r.detail) if r else "")
        table.add_row(*row)
    console.print(table)
    if res.explanation:
        console.print(f"why: {esc(res.explanation)}")
    if explain and res.challenges:
        _print_challenges(console, res)
    else:
        for m in res.moves:
            console.print(f"  round {m.round}: {esc(m.reason)}")
    if explain and res.reasons:
        console.print("[bold]the scenario's reasoning per actor[/bold]")
        for r in res.reasons:
            if r.notes or r.source:
                console.print(f"  [bold]{esc(r.actor)}[/bold] (capability {r.capability:g}, position {r.position:g}, "
                              f"salience {r.salience:g}): {esc(r.notes)}"
                              + (f" [dim]Source: {esc(r.source)}[/dim]" if r.source else ""))
    console.print(f"predicted outcome: [bold]{res.prediction:.1f}[/bold]"
                  + (f" (status quo {res.status_quo:g})" if res.status_quo is not None else ""))
    lo, hi = res.scale_labels
    if lo or hi:
        console.print(f"scale: {res.scale[0]:g} = {esc(lo)}; {res.scale[1]:g} = {esc(hi)}")
    if res.montecarlo is not None:
        mcr, q = res.montecarlo, res.montecarlo.quantiles
        console.print(f"Monte Carlo ({mcr.runs} runs, seed {mcr.seed}): mean {mcr.mean:.1f}, sd {mcr.sd:.1f}, "
                      f"90% interval {q['p5']:.1f}-{q['p95']:.1f}, median {q['p50']:.1f}")


def _print_challenges(console, res) -> None:
    """EUM: every offer made in each round, with the expected utilities and probability behind it."""
    from rich.table import Table

    rounds = sorted({c.round for c in res.challenges})
    for rnd in rounds:
        table = Table(title=f"round {rnd}: offers. E ch / E tg = the challenger's / the target's expected utility "
                            "of challenging the other; P = probability the challenger wins", show_header=True,
                      header_style="bold", title_justify="left")
        for col, just in (("challenger", "left"), ("target", "left"), ("E ch", "right"), ("E tg", "right"),
                          ("P", "right"), ("offer", "left"), ("to", "right"), ("taken", "center")):
            table.add_column(col, justify=just, no_wrap=col not in ("challenger", "target"))
        for c in sorted((c for c in res.challenges if c.round == rnd), key=lambda c: (not c.accepted, c.target)):
            table.add_row(esc(c.challenger), esc(c.target), f"{c.eu_challenger:+.3f}", f"{c.eu_target:+.3f}",
                          f"{c.p_success:.2f}", c.kind, f"{c.offer:.1f}", "yes" if c.accepted else "")
        console.print(table)
        for m in res.moves:
            if m.round == rnd:
                console.print(f"  round {m.round}: {esc(m.reason)}")


def register(app: typer.Typer) -> None:
    """Add the `forecast` command to the main app."""
    app.command("forecast")(forecast_command)
