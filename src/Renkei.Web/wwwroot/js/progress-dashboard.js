// Progress dashboard (enhancements only; the page has every number in its tables without this file).
// Map: one circle per municipality at its centroid, coloured by how many of the eight items it runs (colours
// chosen by the server, as in the legend), with Leaflet and the tile URL the directory map uses (data-tiles).
(function () {
  var el = document.getElementById('progress-map');
  if (el && window.L) {
    var points = JSON.parse(el.getAttribute('data-points') || '[]');
    var map = L.map(el).setView([35.4, 133.8], 9);
    L.tileLayer(el.getAttribute('data-tiles'), { maxZoom: 18, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
    var markers = points.map(function (p) {
      var m = L.circleMarker([p.lat, p.lng], { radius: 11, color: '#333', weight: 1, fillColor: p.colour, fillOpacity: 0.9 });
      var label = p.name + '：' + (p.running === null ? '未回答' : '実施 ' + p.running + ' 項目') + '（' + p.state + '）';
      m.bindTooltip(label);
      m.bindPopup(document.createTextNode(label));
      return m;
    });
    if (markers.length) {
      var group = L.featureGroup(markers).addTo(map);
      map.fitBounds(group.getBounds(), { maxZoom: 11, padding: [20, 20] });
    }
    el.setAttribute('data-loaded', String(markers.length));
  }
  // Printed, the per-item lists of municipalities are wanted open; browsers print <details> as they are.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details[data-testid^="members-"]').forEach(function (d) { d.open = true; });
  });
})();
