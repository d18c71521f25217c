// Edit page: set a provider's coordinates by clicking the map or dragging its marker. The map only
// writes the 緯度・経度 inputs; the server validates and saves them like typed values.
(function () {
  var el = document.getElementById('coordinate-map');
  if (!el || !window.L) { return; }
  var latInput = document.getElementById(el.getAttribute('data-lat-input'));
  var lngInput = document.getElementById(el.getAttribute('data-lng-input'));
  if (!latInput || !lngInput) { return; }
  function current() {
    var lat = parseFloat(latInput.value), lng = parseFloat(lngInput.value);
    return isFinite(lat) && isFinite(lng) ? [lat, lng] : null;
  }
  var start = current();
  var centre = start || [parseFloat(el.getAttribute('data-centre-lat')) || 35.5, parseFloat(el.getAttribute('data-centre-lng')) || 134.2];
  var map = L.map(el).setView(centre, start ? 16 : 13);
  L.tileLayer(el.getAttribute('data-tiles'), { maxZoom: 18, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
  var marker = null;
  // Six decimals is about 10 cm: more than enough, and what the inputs show.
  function fill(latlng) {
    latInput.value = latlng.lat.toFixed(6);
    lngInput.value = latlng.lng.toFixed(6);
    latInput.dispatchEvent(new Event('change', { bubbles: true }));
    lngInput.dispatchEvent(new Event('change', { bubbles: true }));
  }
  function place(latlng) {
    if (marker) { marker.setLatLng(latlng); return; }
    marker = L.marker(latlng, { draggable: true, title: '資源の位置（ドラッグで移動）' }).addTo(map);
    marker.on('dragend', function () { fill(marker.getLatLng()); });
  }
  if (start) { place(L.latLng(start[0], start[1])); }
  map.on('click', function (e) { place(e.latlng); fill(e.latlng); });
  // Typed values move the marker, so the map and the inputs never disagree.
  function typed() { var p = current(); if (p) { place(L.latLng(p[0], p[1])); } }
  latInput.addEventListener('input', typed);
  lngInput.addEventListener('input', typed);
  el.setAttribute('data-ready', '1');
})();
