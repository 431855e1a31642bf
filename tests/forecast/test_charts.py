"""Charts a reader understands: integer rounds, labelled scale ends, reference lines, one colour per actor."""
from pathlib import Path

from realpolitik.forecast import compare_variants, forecast
from realpolitik.forecast.charts import forecast_figure, montecarlo_figure, save_figures, variants_figure

IRAN_2015 = Path(__file__).resolve().parents[2] / "src/realpolitik/data/scenarios/iran_2015_china_vs_russia.yaml"


def _texts(fig):
    return [a.text for a in fig.layout.annotations]


def test_rounds_chart_has_integer_rounds_labels_reference_lines_and_distinct_colours():
    [res] = forecast(IRAN_2015, model="eum", rounds=4, variant="us_confronts")
    fig = forecast_figure(res)
    assert list(fig.layout.xaxis.tickvals) == list(range(res.rounds + 1))
    texts = " ".join(_texts(fig))
    assert "China model" in texts and "Russia model" in texts
    assert "status quo 50" in texts and f"forecast {res.prediction:.1f}" in texts
    colours = [t.line.color for t in fig.data if t.name in res.actors]
    assert len(set(colours)) == len(res.actors)
    assert all(any(t.startswith(a) for t in _texts(fig)) for a in res.actors)  # direct labels


def test_static_model_chart_places_actors_on_the_scale_sized_by_weight():
    [res] = forecast(IRAN_2015, model="compromise")
    fig = forecast_figure(res)
    sizes = {t.name: t.marker.size for t in fig.data}
    assert sizes["Supreme Leader"] > sizes["China"]
    assert [t.x[0] for t in fig.data if t.name == "IRGC and Quds Force"] == [80]


def test_variants_and_monte_carlo_charts(tmp_path):
    res = compare_variants(IRAN_2015, model="compromise", mc=200, seed=3, keep_samples=True)
    vfig, mfig = variants_figure(res), montecarlo_figure(res)
    assert [t.y[0] for t in vfig.data] == ["base", "us_engages", "us_confronts"]
    assert all(t.error_x.array is not None for t in vfig.data)
    names = [t.name for t in mfig.data]
    assert len(names) == 3 and all("90%" in n for n in names)
    out = tmp_path / "c.html"
    save_figures([vfig, mfig], out)
    assert out.read_text().count("plotly.js") >= 1 and out.stat().st_size > 100_000
