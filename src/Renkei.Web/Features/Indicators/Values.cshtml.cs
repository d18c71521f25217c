using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// The entry grid: every manual data element of the municipality for one 年度, value and note. Each row
/// carries the version it showed, so a save that lost a race changes nothing and says so; an emptied cell
/// removes the value (missing again, not zero).
/// </summary>
[StaffOnly]
public sealed class ValuesModel(RenkeiDb db, IndicatorResults results, ValueStore store) : PageModel
{
    public sealed class Row
    {
        public int ElementId { get; set; }
        public string? Value { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; } = ValueStore.NoRow;
    }

    public sealed record Line(DataElement Element, DataValue? Stored);

    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];

    public string MunicipalityName { get; private set; } = "";
    public List<Line> Lines { get; private set; } = [];
    public int CurrentYear => results.CurrentFiscalYear;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Rows = [.. Lines.Select(l => new Row { ElementId = l.Element.Id, Value = l.Stored is null ? null : IndicatorFormula.Format(l.Stored.Value, 4).Replace(",", "", StringComparison.Ordinal), Note = l.Stored?.Note, Version = l.Stored?.Version ?? ValueStore.NoRow })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var lines = Lines.ToDictionary(l => l.Element.Id);
        var changes = new List<(Row Row, Line Line, decimal? Value)>();
        foreach (var (row, index) in Rows.Select((r, i) => (r, i)))
        {
            if (!lines.TryGetValue(row.ElementId, out var line)) return BadRequest(); // not a manual element of this municipality
            var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            decimal? value = null;
            if (!string.IsNullOrWhiteSpace(row.Value) && (value = ValueImport.ParseValue(row.Value)) is null)
                ModelState.AddModelError($"Rows[{index}].Value", $"{line.Element.Name}：「{row.Value}」は数値ではありません。");
            else if (value < 0) ModelState.AddModelError($"Rows[{index}].Value", $"{line.Element.Name}：0以上の数値を入力してください。");
            else if (note?.Length > 1000) ModelState.AddModelError($"Rows[{index}].Note", $"{line.Element.Name}：備考は1000文字以内です。");
            else if (value != line.Stored?.Value || (value is not null && note != line.Stored?.Note) || row.Version != (line.Stored?.Version ?? ValueStore.NoRow)) changes.Add((row, line, value));
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            foreach (var (row, line, value) in changes)
            {
                var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
                if (value is null) await store.RemoveAsync(Muni!, line.Element.Id, Year!.Value, row.Version, ct);
                else await store.PutAsync(Muni!, line.Element.Id, Year!.Value, value.Value, note, ValueOrigin.Manual, User.Identity?.Name, row.Version, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        catch (DbUpdateException e) when (Concurrency.IsDuplicateKey(e))
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"{Wareki.FormatFiscalYear(Year!.Value)}の値を保存しました（{changes.Count} 項目）。";
        return Redirect($"/indicators/values?muni={Muni}&year={Year}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var writable = db.Scope.WriteAll && Muni is not null ? [Muni] : db.Scope.Writable.ToList();
        Muni ??= writable.FirstOrDefault();
        if (Muni is null || !db.Scope.CanWrite(Muni)) return Forbid();
        if (await db.Municipalities.Where(m => m.Code == Muni).Select(m => m.Name).SingleOrDefaultAsync(ct) is not { } name) return NotFound();
        MunicipalityName = name;
        Year ??= CurrentYear;
        if (Year < CurrentYear - 20 || Year > CurrentYear) return BadRequest();
        var muni = Muni;
        var elements = await db.DataElements.AsNoTracking().Where(e => e.Kind == ElementKind.Manual && (e.MunicipalityCode == null || e.MunicipalityCode == muni)).OrderBy(e => e.MunicipalityCode != null).ThenBy(e => e.Id).ToListAsync(ct);
        var stored = await db.DataValues.AsNoTracking().Where(v => v.MunicipalityCode == muni && v.FiscalYear == Year).ToDictionaryAsync(v => v.DataElementId, ct);
        Lines = [.. elements.Select(e => new Line(e, stored.GetValueOrDefault(e.Id)))];
        return null;
    }
}
