// Maps for the directory: Leaflet with the tile URL the server configures (地理院タイル by default).
// Points come as JSON from the URL in data-points; a single provider's point from data-lat/data-lng.
(function () {
  function tiles(map, el) {
    L.tileLayer(el.getAttribute('data-tiles'), { maxZoom: 18, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var list = document.getElementById('map');
  if (list && window.L) {
    var map = L.map(list).setView([35.5, 134.2], 9);
    tiles(map, list);
    fetch(list.getAttribute('data-points'), { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (points) {
        var markers = points.map(function (p) {
          var m = L.marker([p.lat, p.lng], { title: p.name });
          var a = document.createElement('a');
          a.href = '/directory/' + p.id;
          a.textContent = p.name;
          m.bindPopup(a);
          return m;
        });
        if (markers.length) {
          var group = L.featureGroup(markers).addTo(map);
          map.fitBounds(group.getBounds(), { maxZoom: 15, padding: [20, 20] });
        }
        list.setAttribute('data-loaded', String(markers.length));
      })
      .catch(function () {
        list.setAttribute('data-loaded', 'error');
        var note = document.createElement('p');
        note.className = 'alert alert-warning m-2';
        note.textContent = '地図の資源を読み込めませんでした。一覧はそのまま使えます。';
        list.appendChild(note);
      });
  }
  var one = document.getElementById('provider-map');
  if (one && window.L) {
    var lat = parseFloat(one.getAttribute('data-lat')), lng = parseFloat(one.getAttribute('data-lng'));
    var m2 = L.map(one).setView([lat, lng], 15);
    tiles(m2, one);
    L.marker([lat, lng]).addTo(m2);
    one.setAttribute('data-loaded', '1');
  }
})();
