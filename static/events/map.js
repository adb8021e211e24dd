// The incidents map. django-leaflet creates the map and calls initIncidentMap; the events
// come from the map data endpoint (single events when few are in view, grid cells when many)
// and are redrawn when the view or the filters change. Event text reaches the page only as
// DOM text nodes: titles are untrusted.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("map-status");
  var map, incidents, requestNumber = 0, timer = null;
  // The filters in force: the page's own query string at first (so that a filter the form
  // cannot show, such as an invalid date, is refused by the server rather than dropped),
  // then the form's whenever it changes.
  var current = new URLSearchParams(window.location.search);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function filterParams() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") params.append(key, value);
    });
    return params;
  }

  function withQuery(url, params) {
    var query = params.toString();
    return query ? url + "?" + query : url;
  }

  function detailUrl(id) {
    return config.detailUrl.replace(/0\/$/, id + "/");
  }

  function setStatus(text) {
    statusLine.textContent = text;
  }

  function eventPopup(events) {
    var box = el("div", "popup");
    events.slice(0, 8).forEach(function (event) {
      var item = el("div", "popup-event");
      var link = el("a", null, event[6] || config.eventTypes[event[4]] || "Incident");
      link.href = detailUrl(event[0]);
      item.appendChild(link);
      var killed = event[3] === null ? "killed unknown" : event[3] + " killed";
      item.appendChild(el("div", "popup-meta",
        [event[5] || "undated", config.eventTypes[event[4]] || event[4], killed].join(" · ")));
      box.appendChild(item);
    });
    if (events.length > 8) box.appendChild(el("div", "popup-meta", "and " + (events.length - 8) + " more here"));
    return box;
  }

  function count(total) {
    return total.count.toLocaleString("en") + (total.capped ? "+" : "");
  }

  // What the whole filter matches, beside what is in view: the same total as the list and
  // the histogram, and the matches the map cannot place.
  function matching(body) {
    var text = " · " + count(body.total) + " matching";
    if (body.unlocated.count) {
      text += ", " + body.unlocated.count.toLocaleString("en") + " without a location (" +
        body.unlocated.killed.toLocaleString("en") + " killed)";
    }
    return text;
  }

  function drawEvents(events) {
    // Events geocoded to the same place share one marker, listed in its popup.
    var groups = {};
    events.forEach(function (event) {
      var key = event[1] + "," + event[2];
      (groups[key] = groups[key] || []).push(event);
    });
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      var killed = group.reduce(function (sum, e) { return sum + (e[3] || 0); }, 0);
      var marker = L.circleMarker([group[0][1], group[0][2]], {
        radius: 4 + Math.min(Math.log2(1 + killed) * 1.2 + (group.length > 1 ? 1 : 0), 9),
        className: "incident-marker", color: "#7a1f1f", weight: 1,
        fillColor: "#c0392b", fillOpacity: 0.6,
      });
      marker.bindPopup(function () { return eventPopup(group); });
      incidents.addLayer(marker);
    });
    var total = events.length;
    return total + " incident" + (total === 1 ? "" : "s") + " in view";
  }

  function drawCells(cells) {
    var total = 0, killed = 0;
    cells.forEach(function (cell) {
      total += cell[2];
      killed += cell[3];
      var size = Math.round(Math.min(24 + Math.log(cell[2]) * 3.5, 46));
      var label = el("span", null, cell[2] >= 10000 ? Math.round(cell[2] / 1000) + "k" : cell[2]);
      var marker = L.marker([cell[0], cell[1]], {
        icon: L.divIcon({ html: label, className: "cell-icon", iconSize: [size, size] }),
        title: cell[2] + " incidents, " + cell[3] + " killed",
      });
      marker.on("click", function () {
        map.setView([cell[0], cell[1]], Math.min(map.getZoom() + 2, map.getMaxZoom()));
      });
      incidents.addLayer(marker);
    });
    return total.toLocaleString("en") + " incidents in view (" +
      killed.toLocaleString("en") + " killed), grouped; zoom in for single incidents";
  }

  function showErrors(errors) {
    var messages = [];
    Object.keys(errors || {}).forEach(function (field) {
      errors[field].forEach(function (error) { messages.push(field + ": " + error.message); });
    });
    setStatus("Not shown: " + (messages.join(" ") || "the filters are not valid."));
  }

  function load() {
    var params = new URLSearchParams(current);
    var bounds = map.getBounds();
    params.set("bbox", [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (n) { return n.toFixed(4); }).join(","));
    params.set("zoom", map.getZoom());
    var number = ++requestNumber;
    setStatus("Loading…");
    fetch(withQuery(config.dataUrl, params), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (number !== requestNumber) return; // A newer view or filter has been asked for.
        incidents.clearLayers();
        if (!result.ok) return showErrors(result.body.errors);
        var shown = result.body.mode === "cells" ? drawCells(result.body.cells)
          : drawEvents(result.body.events);
        setStatus(shown + matching(result.body));
        map.getContainer().setAttribute("data-mode", result.body.mode);
      })
      .catch(function () { setStatus("The incidents could not be loaded."); })
      .then(loadHistogramOnce);
  }

  // The histogram waits for the map's first answer, so that the two do not share the server
  // while the map is drawn first; later filter changes reload both at once.
  var histogramLoaded = false;
  function loadHistogram(params) {
    var figure = document.getElementById("histogram");
    histogramLoaded = true;
    if (figure) window.Histogram.load(figure, withQuery(config.histogramUrl, params));
  }

  function loadHistogramOnce() {
    if (!histogramLoaded) loadHistogram(current);
  }

  function filtersChanged(event) {
    if (event) event.preventDefault();
    var params = current = filterParams();
    document.getElementById("list-link").href = withQuery(config.listUrl, params);
    document.getElementById("export-link").href = withQuery(config.exportUrl, params);
    history.replaceState(null, "", withQuery(window.location.pathname, params));
    Array.prototype.forEach.call(form.querySelectorAll(".error"), function (node) {
      node.parentNode.removeChild(node);
    });
    loadHistogram(params);
    load();
  }

  function loadBoundaries() {
    map.createPane("boundaries").style.zIndex = 350; // Under the incidents' overlay pane.
    fetch(config.boundariesUrl)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pane: "boundaries", interactive: false,
          style: { className: "boundary", color: "#4a5a6a", weight: 1.2, fill: true, fillOpacity: 0.03 },
        }).addTo(map);
        L.control.layers(null, { "Governorates": layer, "Incidents": incidents }).addTo(map);
      })
      .catch(function () { setStatus("The governorate boundaries could not be loaded."); });
  }

  window.initIncidentMap = function (leafletMap) {
    map = leafletMap;
    incidents = L.featureGroup().addTo(map);
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.once("tileerror", function () {
          map.getContainer().setAttribute("data-tiles", "unavailable");
        });
      }
    });
    loadBoundaries();
    form.addEventListener("submit", filtersChanged);
    form.addEventListener("change", filtersChanged);
    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    load();
  };
})();
