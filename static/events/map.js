// The incidents map. django-leaflet creates the map and calls initIncidentMap; the events
// come from the map data endpoint (single events when few are in view, grid cells when many)
// and are redrawn when the view or the filters change. Event text reaches the page only as
// DOM text nodes: titles are untrusted.
//
// The view is kept in the URL's fragment (#map=zoom/lat/lon), so a shared link opens the same
// map; without one, the map opens fitted to the filtered incidents. Markers and cells are
// Leaflet markers: each can be reached with Tab and opened with Enter, and says in words what
// it shows. Their popups list the newest incidents there (from the popup endpoint) and link to
// the list filtered to that area.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("map-status");
  var map, incidents, boundaries, legend, requestNumber = 0, timer = null;
  var fitPending = false;
  // The filters in force: the page's own query string at first (so that a filter the form
  // cannot show, such as an invalid date, is refused by the server rather than dropped),
  // then the form's whenever it changes.
  var current = new URLSearchParams(window.location.search);
  // A redraw while a popup is open would remove the marker under it: it waits for the close.
  var popupOpen = false, reloadWhenClosed = false;

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

  function setStatus(text) {
    statusLine.textContent = text;
  }

  function plural(n, word) {
    return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  }

  // The view in the URL: #map=zoom/lat/lon.
  function viewFromUrl() {
    var match = /map=(\d+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(window.location.hash);
    if (!match) return null;
    return { zoom: +match[1], center: [+match[2], +match[3]] };
  }

  function urlWithView(params) {
    var center = map.getCenter();
    var hash = "#map=" + map.getZoom() + "/" + center.lat.toFixed(4) + "/" + center.lng.toFixed(4);
    return withQuery(window.location.pathname, params) + hash;
  }

  // A popup: the newest incidents in an area, each with its place and perpetrators, and a
  // link to all of them in the list.
  function areaPopup(area, intro) {
    var box = el("div", "popup");
    if (intro) box.appendChild(intro);
    var body = el("div", "popup-body", "Loading…");
    box.appendChild(body);
    var params = filterParams();
    params.set("area", area.map(function (n) { return n.toFixed(5); }).join(","));
    params.set("order", "-date");
    fetch(withQuery(config.popupUrl, params), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        body.textContent = "";
        if (!data.incidents) { body.textContent = "The incidents could not be loaded."; return; }
        data.incidents.forEach(function (incident) {
          var item = el("div", "popup-event");
          var link = el("a", null, incident.title || incident.type);
          link.href = incident.url;
          item.appendChild(link);
          var place = el("div", "popup-place", incident.place || incident.governorate || "Place unknown");
          if (incident.place && incident.governorate) place.textContent += ", " + incident.governorate;
          if (incident.placeAr) {
            var arabic = el("span", "arabic", incident.placeAr);
            arabic.lang = "ar";
            arabic.dir = "rtl";
            place.appendChild(document.createTextNode(" "));
            place.appendChild(arabic);
          }
          item.appendChild(place);
          var killed = incident.killed === null ? "killed unknown" : incident.killed + " killed";
          item.appendChild(el("div", "popup-meta", [incident.date || "undated", incident.type, killed].join(" · ")));
          if (incident.perpetrators.length) {
            item.appendChild(el("div", "popup-meta", "By " + incident.perpetrators.join("; ")));
          }
          body.appendChild(item);
        });
        var all = el("a", "popup-all",
          "All " + data.count.toLocaleString("en") + (data.more ? "+" : "") + " here in the list");
        all.href = data.listUrl;
        body.appendChild(all);
      })
      .catch(function () { body.textContent = "The incidents could not be loaded."; });
    return box;
  }

  function markerIcon(className, size, label) {
    return L.divIcon({ html: label, className: className, iconSize: [size, size] });
  }

  // A marker's text alternative, for screen readers (aria-label) and pointers (title).
  function describe(marker, text) {
    marker.on("add", function () {
      var element = marker.getElement();
      if (!element) return;
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", text);
    });
  }

  function drawEvents(events) {
    // Events geocoded to the same place share one marker; its popup lists them, newest first.
    var groups = {};
    events.forEach(function (event) {
      var key = event[1] + "," + event[2];
      (groups[key] = groups[key] || []).push(event);
    });
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      var killed = group.reduce(function (sum, e) { return sum + (e[3] || 0); }, 0);
      var size = Math.round(10 + Math.min(Math.log2(1 + killed) * 2.4, 18));
      var text = plural(group.length, "incident") + " here, " + killed.toLocaleString("en") + " killed";
      var marker = L.marker([group[0][1], group[0][2]], {
        icon: markerIcon("incident-marker", size, ""),
        title: text, riseOnHover: true,
      });
      describe(marker, text + ": show the incidents");
      var lat = group[0][1], lon = group[0][2], d = 0.00001;
      marker.bindPopup(function () { return areaPopup([lon - d, lat - d, lon + d, lat + d]); });
      incidents.addLayer(marker);
    });
    setStatus(plural(events.length, "incident") + " in view");
    showLegend("events");
  }

  function drawCells(cells) {
    var total = 0, killed = 0;
    cells.forEach(function (cell) {
      total += cell[2];
      killed += cell[3];
      var pixels = Math.round(Math.min(24 + Math.log(cell[2]) * 3.5, 46));
      // The text alternative starts with what the cell shows (axe's label-content-name-mismatch).
      var shown = cell[2] >= 10000 ? Math.round(cell[2] / 1000) + "k" : cell[2].toLocaleString("en");
      var label = el("span", null, shown);
      var text = (cell[2] >= 10000 ? shown + " (" + plural(cell[2], "incident") + ")" : plural(cell[2], "incident")) +
        ", " + cell[3].toLocaleString("en") + " killed in this area";
      var marker = L.marker([cell[0], cell[1]], {
        icon: markerIcon("cell-icon", pixels, label), title: text,
      });
      describe(marker, text + ": show the incidents");
      // The area the cell counts (its grid square within the view and the filter's area),
      // which its popup lists.
      var box = cell.slice(4, 8);
      marker.bindPopup(function () {
        var intro = el("div", "popup-intro");
        intro.appendChild(el("strong", null, text));
        var zoom = el("button", "popup-zoom", "Zoom in here");
        zoom.type = "button";
        zoom.addEventListener("click", function () {
          map.closePopup();
          map.setView([cell[0], cell[1]], Math.min(map.getZoom() + 2, map.getMaxZoom()));
        });
        intro.appendChild(zoom);
        return areaPopup(box, intro);
      });
      incidents.addLayer(marker);
    });
    setStatus(plural(total, "incident") + " in view (" +
      killed.toLocaleString("en") + " killed), grouped; zoom in for single incidents");
    showLegend("cells");
  }

  // The legend says what the symbols mean, for what is drawn now.
  function showLegend(mode) {
    var box = legend.getContainer();
    box.textContent = "";
    box.appendChild(el("h2", null, "Legend"));
    function item(swatchClass, text) {
      var row = el("div", "legend-row");
      row.appendChild(el("span", "legend-swatch " + swatchClass));
      row.appendChild(el("span", null, text));
      box.appendChild(row);
    }
    if (mode === "cells") {
      item("legend-cell", "Many incidents grouped by area: the number is how many; larger circles hold more. Zoom in or open one for its incidents.");
    } else {
      item("legend-event", "Incidents at one place; a larger circle, more killed (best estimate).");
    }
    item("legend-boundary", "Governorate boundary");
    box.appendChild(el("p", "legend-note",
      "Each incident is drawn where its source places it: a village or town, or the centre of its district or governorate when no closer place is known."));
  }

  function showErrors(errors) {
    var messages = [];
    Object.keys(errors || {}).forEach(function (field) {
      errors[field].forEach(function (error) {
        // (a form's own errors and the request's are "__all__": the message alone)
        messages.push(field === "__all__" ? error.message : field + ": " + error.message);
      });
    });
    setStatus("Not shown: " + (messages.join(" ") || "the filters are not valid."));
  }

  // What the whole filter matches, beside what is in view: the same total as the list and
  // the histogram, and the matches the map cannot place.
  function matching(body) {
    var text = " · " + body.total.count.toLocaleString("en") + (body.total.capped ? "+" : "") +
      " matching";
    if (body.unlocated.count) {
      text += ", " + body.unlocated.count.toLocaleString("en") + " without a location (" +
        body.unlocated.killed.toLocaleString("en") + " killed)";
    }
    return text;
  }

  function load() {
    var params = new URLSearchParams(current);
    params.delete("bbox");
    params.delete("zoom");
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
        if (popupOpen) { reloadWhenClosed = true; return; }
        var focused = focusedMarker();
        incidents.clearLayers();
        if (!result.ok) return showErrors(result.body.errors);
        if (result.body.mode === "cells") drawCells(result.body.cells);
        else drawEvents(result.body.events);
        refocus(focused);
        statusLine.textContent += matching(result.body);
        map.getContainer().setAttribute("data-mode", result.body.mode);
        fitToIncidents();
      })
      .catch(function () { setStatus("The incidents could not be loaded."); })
      .then(loadHistogramOnce);
  }

  // A redraw (the map moved, or fitted itself to the incidents) makes new markers: the one a
  // keyboard user had reached keeps the focus, or Enter would open nothing.
  function focusedMarker() {
    var found = null;
    incidents.eachLayer(function (layer) {
      if (layer.getElement && layer.getElement() === document.activeElement) found = layer.getLatLng();
    });
    return found;
  }

  function refocus(latlng) {
    if (!latlng) return;
    incidents.eachLayer(function (layer) {
      if (layer.getLatLng && layer.getLatLng().equals(latlng) && layer.getElement()) {
        layer.getElement().focus();
      }
    });
  }

  // Once, when the map opens without a view in its URL: fit it to what the filters found.
  function fitToIncidents() {
    if (!fitPending) return;
    fitPending = false;
    var bounds = incidents.getLayers().length ? incidents.getBounds() : null;
    if (bounds && bounds.isValid()) map.fitBounds(bounds.pad(0.1), { maxZoom: 11 });
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

  // The boundary of a governorate (by its ISO code), matched by name in the boundaries file.
  function governorateBounds(code) {
    var names = (config.governorates[code] || []).map(function (n) { return n.toLowerCase(); });
    var found = null;
    if (!boundaries || !names.length) return null;
    boundaries.eachLayer(function (layer) {
      var p = layer.feature.properties;
      var featureNames = [p.name].concat((p.name_alt || "").split("|")).map(function (n) {
        return n.toLowerCase();
      });
      if (!found && featureNames.some(function (n) { return names.indexOf(n) !== -1; })) {
        found = layer.getBounds();
      }
    });
    return found;
  }

  // The note on the period reports the counts leave out, for the filters chosen now: hidden
  // when they are counted in or shown alone; else its links keep the filters (its count, of
  // the filters the page opened with, goes).
  function periodReportsNote(params) {
    var note = document.getElementById("aggregates-note");
    if (!note) return;
    note.hidden = Boolean(params.get("aggregates"));
    if (note.hidden) return;
    var links = note.querySelectorAll("a");
    ["only", "include"].forEach(function (mode, i) {
      var chosen = new URLSearchParams(params);
      chosen.set("aggregates", mode);
      if (links[i]) links[i].href = withQuery(window.location.pathname, chosen);
    });
    var first = note.firstChild;
    if (first && first.nodeType === Node.TEXT_NODE && /^\d/.test(first.textContent)) {
      first.textContent = first.textContent.replace(/^[\d,+]+ period reports?/, "Period reports");
    }
  }

  var lastProvince = null;
  function filtersChanged(event) {
    if (event) event.preventDefault();
    map.closePopup();
    var params = current = filterParams();
    document.getElementById("list-link").href = withQuery(config.listUrl, params);
    document.getElementById("export-link").href = withQuery(config.exportUrl, params);
    document.getElementById("geojson-link").href = withQuery(config.geojsonUrl, params);
    periodReportsNote(params);
    Array.prototype.forEach.call(form.querySelectorAll(".error"), function (node) {
      node.parentNode.removeChild(node);
    });
    var province = params.get("province");
    if (province !== lastProvince) {
      lastProvince = province;
      var bounds = province ? governorateBounds(province) : null;
      if (bounds) map.fitBounds(bounds); // moveend reloads the incidents.
      else if (province) fitPending = true;
    }
    history.replaceState(null, "", urlWithView(params));
    loadHistogram(params);
    load();
  }

  function loadBoundaries() {
    map.createPane("boundaries").style.zIndex = 350; // Under the incidents' marker pane.
    fetch(config.boundariesUrl)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        boundaries = L.geoJSON(data, {
          pane: "boundaries", interactive: false,
          style: { className: "boundary", color: "#4a5a6a", weight: 1.2, fill: true, fillOpacity: 0.03 },
        }).addTo(map);
        L.control.layers(null, { "Governorates": boundaries, "Incidents": incidents }).addTo(map);
      })
      .catch(function () { setStatus("The governorate boundaries could not be loaded."); });
  }

  window.initIncidentMap = function (leafletMap) {
    map = leafletMap;
    incidents = L.featureGroup().addTo(map);
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () { return el("div", "map-legend"); };
    legend.addTo(map);
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.once("tileerror", function () {
          map.getContainer().setAttribute("data-tiles", "unavailable");
        });
      }
    });
    var view = viewFromUrl();
    if (view) map.setView(view.center, view.zoom, { animate: false });
    else fitPending = filterParams().toString() !== "";
    lastProvince = filterParams().get("province");
    loadBoundaries();
    form.addEventListener("submit", filtersChanged);
    form.addEventListener("change", filtersChanged);
    // A popup that pans the map into view must not be swept away by the redraw that move
    // asks for: the redraw waits until the popup is closed.
    map.on("popupopen", function () { popupOpen = true; });
    map.on("popupclose", function () {
      popupOpen = false;
      if (reloadWhenClosed) { reloadWhenClosed = false; load(); }
    });
    map.on("moveend", function () {
      history.replaceState(null, "", urlWithView(filterParams()));
      clearTimeout(timer);
      if (popupOpen) { reloadWhenClosed = true; return; }
      timer = setTimeout(load, 150);
    });
    load();
  };
})();
