// "すべて選択" ticks or clears every checkbox of the named group; the form works without it.
document.querySelectorAll('[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
        document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]').forEach(function (box) { box.checked = all.checked; });
    });
});
