// Councils: show the 和暦 of the meeting date while it is chosen (the server prints the same after saving).
// Same era table as Platform/Time/Wareki.cs; 元年 for the first year.
(function () {
  var eras = [['令和', '2019-05-01'], ['平成', '1989-01-08'], ['昭和', '1926-12-25']];
  function wareki(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) { return ''; }
    for (var i = 0; i < eras.length; i++) {
      if (iso >= eras[i][1]) {
        var year = Number(m[1]) - Number(eras[i][1].slice(0, 4)) + 1;
        return eras[i][0] + (year === 1 ? '元' : year) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
      }
    }
    return '';
  }
  document.querySelectorAll('[data-wareki-for]').forEach(function (out) {
    var input = document.getElementById(out.getAttribute('data-wareki-for'));
    if (!input) { return; }
    input.addEventListener('input', function () { out.textContent = wareki(input.value); });
  });
})();
