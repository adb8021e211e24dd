// The incident change form: a map of the point in the latitude/longitude inputs. Clicking the
// map or dragging the marker moves the point; choosing a gazetteer place fills the district,
// governorate and coordinates from the admin's place endpoint.
"use strict";

// The map is rendered after the form's fieldsets; show it under the "Where" fieldset.
document.addEventListener("DOMContentLoaded", function () {
  const map = document.getElementById("incident-location");
  const where = document.getElementById("id_latitude");
  if (map && where && where.closest("fieldset")) where.closest("fieldset").after(map);
});

window.initIncidentLocationMap = function (map) {
  const latitude = document.getElementById("id_latitude");
  const longitude = document.getElementById("id_longitude");
  if (!latitude || !longitude) return;
  let marker = null;

  function write(latlng) {
    latitude.value = latlng.lat.toFixed(5);
    longitude.value = latlng.lng.toFixed(5);
  }

  function show(latlng, centre) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.marker(latlng, { draggable: true }).addTo(map);
      marker.on("dragend", function () { write(marker.getLatLng()); });
    }
    if (centre) map.setView(latlng, Math.max(map.getZoom(), 10));
  }

  function fromInputs() {
    const lat = parseFloat(latitude.value);
    const lon = parseFloat(longitude.value);
    if (Number.isFinite(lat) && Number.isFinite(lon)) show([lat, lon], true);
  }

  // The governorate boundaries, drawn under the point: where the point lies still shows when
  // the tiles cannot load.
  const boundaries = document.getElementById("boundaries-url");
  if (boundaries) {
    fetch(JSON.parse(boundaries.textContent))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        L.geoJSON(data, {
          interactive: false,
          style: { className: "boundary", color: "#4a5a6a", weight: 1.2, fillOpacity: 0.04 },
        }).addTo(map);
      })
      .catch(function () { /* The tiles may still show where the point is. */ });
  }

  map.on("click", function (event) {
    show(event.latlng, false);
    write(event.latlng);
  });
  latitude.addEventListener("change", fromInputs);
  longitude.addEventListener("change", fromInputs);
  fromInputs();

  // The place, district and governorate inputs are admin autocompletes (select2, on jQuery):
  // select2 announces a choice with a jQuery event, and listens for one after a change.
  const $ = window.django && window.django.jQuery;
  const place = document.getElementById("id_place");
  const lookup = document.getElementById("place-lookup-url");
  if (!$ || !place || !lookup) return;
  const lookupUrl = JSON.parse(lookup.textContent);

  function choose(id, option) {
    const select = document.getElementById(id);
    if (!select || !option) return;
    let existing = Array.from(select.options).find(function (o) { return o.value === String(option.id); });
    if (!existing) {
      existing = new Option(option.text, option.id, true, true);
      select.append(existing);
    }
    $(select).val(String(option.id)).trigger("change");
  }

  $(place).on("change", function () {
    if (!place.value) return;
    fetch(lookupUrl.replace(/0\/$/, place.value + "/"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        choose("id_district", data.district);
        choose("id_governorate", data.governorate);
        latitude.value = data.latitude;
        longitude.value = data.longitude;
        show([data.latitude, data.longitude], true);
      });
  });
};

// An "Also possible" button posts to the place switch, which saves only the place and comes
// back to a fresh form: edits typed but not saved would be lost without a word. Ask first.
document.addEventListener("DOMContentLoaded", function () {
  const form = document.getElementById("incident_form");
  if (!form) return;
  const state = function () { return new URLSearchParams(new FormData(form)).toString(); };
  const loaded = state();
  form.addEventListener("click", function (event) {
    const button = event.target.closest("button.switch-place");
    if (!button || state() === loaded) return;
    const message = "Your changes to this incident are not saved yet. Switching the place " +
      "saves only the place: switch and lose the changes?";
    if (!window.confirm(message)) event.preventDefault();
  });
});
