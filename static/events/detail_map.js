// The incident detail page's small map: one marker where the incident is placed, with the
// governorate boundaries when the tiles cannot load.
(function () {
  "use strict";
  window.initDetailMap = function (map) {
    var location = JSON.parse(document.getElementById("detail-location").textContent);
    var point = [location.latitude, location.longitude];
    map.setView(point, location.zoom, { animate: false });
    var marker = L.marker(point, {
      icon: L.divIcon({ className: "incident-marker", iconSize: [16, 16] }),
      keyboard: false, interactive: false,
    }).addTo(map);
    // The page says in words where it is; the map is a picture of that.
    marker.getElement().setAttribute("aria-hidden", "true");
    map.getContainer().setAttribute("aria-label", "Map of " + location.label);
  };
})();
