/* The practice map, drawn only when Leaflet and the tiles can load; the list of places stays either way. */
(function () {
  "use strict";
  var container = document.getElementById("practice-map");
  if (!container || !window.L) { return; }
  var points = JSON.parse(document.getElementById("map-points").textContent);
  var config = JSON.parse(document.getElementById("map-config").textContent);
  container.hidden = false;
  var map = window.L.map(container, { scrollWheelZoom: false }).setView([41.3, 74.8], 6);
  window.L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
  var bounds = [];
  points.forEach(function (point) {
    // Circles rather than image markers: no icon files to find under hashed static names.
    var marker = window.L.circleMarker([point.lat, point.lon], {
      radius: Math.min(6 + point.count * 2, 18), color: "#083a66", weight: 2, fillColor: "#0b4f8a", fillOpacity: 0.7
    }).addTo(map);
    var popup = document.createElement("div");
    var heading = document.createElement("a");
    heading.href = point.url;
    heading.textContent = point.name;
    heading.className = "map-popup__place";
    popup.appendChild(heading);
    var list = document.createElement("ul");
    point.practices.forEach(function (practice) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = practice.url;
      link.textContent = practice.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    popup.appendChild(list);
    marker.bindPopup(popup);
    bounds.push([point.lat, point.lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 10, animate: false }); }
})();
