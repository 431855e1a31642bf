// realpolitik UI: draws the page's Plotly figures and wires the clicks. Shipped with the package;
// Plotly itself is served from the installed plotly package (/vendor/plotly.min.js).
(function () {
  "use strict";

  var CONFIG = {responsive: true, displaylogo: false,
                modeBarButtonsToRemove: ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"]};

  function figure(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw(el) {
    var fig = figure(el.getAttribute("data-figure"));
    if (!fig || typeof Plotly === "undefined") { return Promise.resolve(null); }
    fig.layout = fig.layout || {};
    fig.layout.autosize = true;
    delete fig.layout.width;
    return Plotly.newPlot(el, fig.data, fig.layout, CONFIG).then(function () { return el; });
  }

  // Dyad and dashboard charts: a click on a point lists that period's events below the chart.
  function periodEvents(el) {
    var base = el.getAttribute("data-events-url");
    var target = document.getElementById(el.getAttribute("data-events-target") || "period-events");
    if (!base || !target) { return; }
    el.on("plotly_click", function (ev) {
      if (!ev || !ev.points || !ev.points.length) { return; }
      var cd = ev.points[0].customdata;
      if (!cd || cd.length < 3) { return; }
      var url = base + (base.indexOf("?") < 0 ? "?" : "&") + "since=" + encodeURIComponent(cd[1]) +
                "&until=" + encodeURIComponent(cd[2]) + "&label=" + encodeURIComponent(cd[0]);
      target.classList.add("loading");
      fetch(url, {headers: {"Accept": "text/html"}}).then(function (r) {
        return r.text().then(function (html) { return {ok: r.ok, html: html}; });
      }).then(function (res) {
        target.innerHTML = res.html;
        target.classList.remove("loading");
        target.setAttribute("data-period", cd[0]);
        target.scrollIntoView({behavior: "smooth", block: "start"});
      }).catch(function (err) {
        target.classList.remove("loading");
        target.textContent = "Could not load the events of " + cd[0] + ": " + err;
      });
    });
  }

  // Network: a click on an actor opens its page.
  function actorLinks(el) {
    el.on("plotly_click", function (ev) {
      if (!ev || !ev.points || !ev.points.length) { return; }
      var cd = ev.points[0].customdata;
      if (cd && cd.length && typeof cd[0] === "string") {
        window.location.href = "/actor/" + encodeURIComponent(cd[0]).replace(/%3A/g, ":");
      }
    });
  }

  function init() {
    var charts = Array.prototype.slice.call(document.querySelectorAll("[data-figure]"));
    Promise.all(charts.map(function (el) {
      return draw(el).then(function (drawn) {
        if (!drawn) { return; }
        if (el.hasAttribute("data-events-url")) { periodEvents(el); }
        if (el.hasAttribute("data-actor-links")) { actorLinks(el); }
      });
    })).then(function () { document.body.setAttribute("data-ready", "1"); });
    // the forecast form offers only the chosen scenario's variants
    var scenario = document.getElementById("scenario"), variant = document.getElementById("variant");
    if (scenario && variant) {
      var sync = function () {
        Array.prototype.forEach.call(variant.options, function (o) {
          var own = o.getAttribute("data-scenario");
          o.hidden = own !== null && own !== scenario.value;
          if (o.hidden && o.selected) { variant.value = ""; }
        });
      };
      scenario.addEventListener("change", sync);
      sync();
    }
    // selects that submit their form when changed (period, level ...)
    Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
