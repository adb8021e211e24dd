// Events (bars) and deaths (line) per month under the current filters, drawn as SVG from
// the histogram endpoint. Used by the list and the map; the map calls Histogram.load again
// when its filters change. Clicking a bar sets the filters' dates to its month; so does Enter
// on a bar: the chart is one stop for Tab, the arrow keys (Home, End) move between months, and
// each bar is a button labelled with its month and figures. (The overview's month chart, with
// its links, is drawn on the server.)
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 1000;
  var HEIGHT = 90;
  var GAP = 6;  // pixels kept between two labels of the axis

  function svg(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  // Every month from the first to the last, so gaps show as gaps.
  function fillMonths(rows) {
    if (!rows.length) return [];
    var byMonth = {};
    rows.forEach(function (row) { byMonth[row[0]] = row; });
    var parts = rows[0][0].split("-").map(Number);
    var last = rows[rows.length - 1][0];
    var months = [];
    for (var y = parts[0], m = parts[1]; months.length < 2400; m++) {
      if (m > 12) { m = 1; y++; }
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      months.push(byMonth[key] || [key, 0, 0]);
      if (key === last) break;
    }
    return months;
  }

  function draw(figure, data) {
    var caption = figure.querySelector("figcaption");
    Array.prototype.slice.call(figure.childNodes).forEach(function (node) {
      if (node !== caption) figure.removeChild(node);
    });
    var months = fillMonths(data.months);
    // The records of longer periods by the month they start in: that month's list holds them.
    var starting = {};
    (data.periods || []).forEach(function (row) {
      var month = row[0].slice(0, 7), seen = starting[month] || [0, 0];
      starting[month] = [seen[0] + row[3], seen[1] + row[4]];
    });
    // The total as every page states it (capped, with a "+", where the list's is).
    var total = data.total.count.toLocaleString("en") + (data.total.capped ? "+" : "");
    var summary = total + (total === "1" ? " event, " : " events, ") +
      data.killed.toLocaleString("en") + " killed";
    if (months.length) summary += " · " + months[0][0] + " to " + months[months.length - 1][0];
    caption.textContent = "Per month: events (bars) and deaths (line) · " + summary;
    periodsNote(figure, data.periods || []);
    undatedNote(figure, data.undated || [0, 0]);
    if (!months.length) return;

    var chart = svg("svg", {
      viewBox: "0 0 " + WIDTH + " " + HEIGHT, preserveAspectRatio: "none",
      class: "histogram-chart", role: "group",
      "aria-label": "Events per month, " + summary + ". Arrow keys move between months; Enter shows one.",
    });
    var bars = [];
    var readout = document.createElement("p");
    readout.className = "histogram-readout";
    var maxEvents = Math.max.apply(null, months.map(function (r) { return r[1]; })) || 1;
    var maxKilled = Math.max.apply(null, months.map(function (r) { return r[2]; })) || 1;
    // At least 24 slots, so that a few months do not become one wall-to-wall bar.
    var step = WIDTH / Math.max(months.length, 24);
    var offset = (WIDTH - step * months.length) / 2;
    var points = [];
    months.forEach(function (row, i) {
      var height = (row[1] / maxEvents) * (HEIGHT - 4);
      var bar = svg("rect", {
        x: (offset + i * step).toFixed(2), y: (HEIGHT - height).toFixed(2),
        width: Math.max(step - 1, 0.5).toFixed(2), height: height.toFixed(2), class: "bar",
      });
      var label = row[0] + ": " + row[1] + (row[1] === 1 ? " event, " : " events, ") + row[2] + " killed";
      var also = starting[row[0]];
      if (also) {
        label += "; its list also holds " + also[0] + (also[0] === 1 ? " record" : " records") +
          " of a longer period starting this month (" + also[1].toLocaleString("en") + " killed)";
      }
      var title = svg("title");
      title.textContent = label + " (click to show this month)";
      bar.appendChild(title);
      bar.setAttribute("role", "button");
      bar.setAttribute("aria-label", label + ". Show this month");
      bar.setAttribute("tabindex", i === months.length - 1 ? "0" : "-1");
      bar.addEventListener("click", function () { chooseMonth(row[0]); });
      bar.addEventListener("keydown", function (event) { onKey(event, bars, i, row[0]); });
      // What the focused bar says, in words under the chart (an empty month has no bar to see).
      bar.addEventListener("focus", function () { readout.textContent = label; });
      bars.push(bar);
      chart.appendChild(bar);
      var y = HEIGHT - 2 - (row[2] / maxKilled) * (HEIGHT - 6);
      points.push((offset + (i + 0.5) * step).toFixed(2) + "," + y.toFixed(2));
    });
    chart.appendChild(svg("polyline", { points: points.join(" "), class: "deaths" }));
    // The vertical scale, in words beside the chart: the tallest bar and the highest point.
    var frame = document.createElement("div");
    frame.className = "histogram-frame";
    var scale = document.createElement("div");
    scale.className = "histogram-scale";
    scale.textContent = maxEvents.toLocaleString("en") + (maxEvents === 1 ? " event" : " events");
    var zero = document.createElement("span");
    zero.textContent = "0";
    scale.appendChild(zero);
    frame.appendChild(scale);
    frame.appendChild(chart);
    figure.appendChild(frame);
    var axis = document.createElement("div");
    axis.className = "histogram-axis";
    // The first month, each January that falls between, and the last month, at their places.
    months.forEach(function (row, i) {
      var first = i === 0, last = i === months.length - 1;
      if (!(first || last || (row[0].slice(5) === "01" && i > 2 && i < months.length - 3))) return;
      var span = document.createElement("span");
      span.textContent = first || last ? row[0] : row[0].slice(0, 4);
      span.className = last ? "last" : "";
      if (!last) span.setAttribute("data-x", ((offset + i * step) / WIDTH * 100).toFixed(1));
      axis.appendChild(span);
    });
    figure.appendChild(axis);
    placeTicks(axis);
    figure.appendChild(readout);
    var note = document.createElement("p");
    note.className = "histogram-note";
    note.textContent = "Line: deaths per month (highest " + maxKilled.toLocaleString("en") + "). Click a bar, or Tab to the chart and press Enter, to show that month.";
    figure.appendChild(note);
  }

  // Ticks are positioned through the CSSOM (allowed by the Content Security Policy, unlike
  // style attributes in markup). A label that would run into the one kept before it, into the
  // last month's or past the axis's end is hidden (thirty years of Januaries on a phone), and
  // the labels are placed again when the window's width changes.
  function placeTicks(axis) {
    var spans = Array.prototype.slice.call(axis.querySelectorAll("span[data-x]"));
    spans.forEach(function (span) {
      span.style.left = span.getAttribute("data-x") + "%";
      span.hidden = false;
    });
    var end = axis.getBoundingClientRect().right;
    var last = axis.querySelector("span.last");
    var limit = last ? last.getBoundingClientRect().left : end;
    var kept = null;
    spans.forEach(function (span) {
      var box = span.getBoundingClientRect();
      if ((kept !== null && box.left < kept + GAP) || box.right + GAP > limit || box.right > end) {
        span.hidden = true;
        return;
      }
      kept = box.right;
    });
    if (!axis.dataset.placed) {
      axis.dataset.placed = "1";
      var waiting = null;
      window.addEventListener("resize", function () {
        clearTimeout(waiting);
        waiting = setTimeout(function () { placeTicks(axis); }, 100);
      });
    }
  }

  // One tab stop for the chart (the newest month first): arrows, Home and End move it, Enter
  // or Space chooses.
  function onKey(event, bars, i, month) {
    var next = { ArrowRight: i + 1, ArrowUp: i + 1, ArrowLeft: i - 1, ArrowDown: i - 1,
                 Home: 0, End: bars.length - 1 }[event.key];
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      chooseMonth(month);
    } else if (next !== undefined) {
      event.preventDefault();
      next = Math.max(0, Math.min(bars.length - 1, next));
      bars[i].setAttribute("tabindex", "-1");
      bars[next].setAttribute("tabindex", "0");
      bars[next].focus();
    }
  }

  // A bar's month becomes the filters' date range (the list reloads; the map redraws).
  function chooseMonth(month) {
    var form = document.getElementById("filters");
    if (!form || !form.elements.date_from || !form.elements.date_to) return;
    var parts = month.split("-").map(Number);
    var lastDay = new Date(Date.UTC(parts[0], parts[1], 0)).getUTCDate();
    form.elements.date_from.value = month + "-01";
    form.elements.date_to.value = month + "-" + (lastDay < 10 ? "0" : "") + lastDay;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  // Records of a period longer than a month (a year's toll) are in the totals but drawn in no
  // bar: their first month would show them as a spike. Said under the chart.
  function periodsNote(figure, periods) {
    if (!periods.length) return;
    var events = 0, killed = 0;
    periods.forEach(function (row) { events += row[3]; killed += row[4]; });
    var note = document.createElement("p");
    note.className = "histogram-periods";
    note.textContent = events.toLocaleString("en") + (events === 1 ? " record" : " records") +
      " of periods longer than a month (" + killed.toLocaleString("en") + " killed) " +
      "counted in the totals, not in the bars: " +
      periods.slice(0, 5).map(function (row) {
        return row[0] + (row[1] ? " to " + row[1] : "") + " (" + row[2] + "): " + row[3] +
          ", " + row[4].toLocaleString("en") + " killed";
      }).join("; ") + (periods.length > 5 ? "; …" : "") + ".";
    figure.appendChild(note);
  }

  // Incidents with no date are in the totals too, and in no month.
  function undatedNote(figure, undated) {
    if (!undated[0]) return;
    var note = document.createElement("p");
    note.className = "histogram-periods";
    note.textContent = undated[0].toLocaleString("en") +
      (undated[0] === 1 ? " undated event" : " undated events") + " (" +
      undated[1].toLocaleString("en") + " killed) counted in the totals, not in the bars.";
    figure.appendChild(note);
  }

  function load(figure, url) {
    figure.setAttribute("data-url", url);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && figure.getAttribute("data-url") === url) draw(figure, data);
      })
      .catch(function () { /* The chart is an extra: the page works without it. */ });
  }

  window.Histogram = { load: load };
  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.getElementById("histogram");
    // The map page loads it itself, once the map has its first answer (data-deferred).
    if (figure && !figure.hasAttribute("data-deferred")) load(figure, figure.getAttribute("data-url"));
  });
})();
