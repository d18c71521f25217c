using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// What every workspace page shares: the 二次医療圏 from the route and its municipalities. An area of a
/// prefecture the caller does not read is not found, like that prefecture's records (ADR 12). Editing needs
/// write scope on the prefecture (its office and health centres); other readers get 403.
/// </summary>
[Authorize]
public abstract class AreaPage(RenkeiDb db, TimeProvider clock) : PageModel
{
    protected RenkeiDb Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public SecondaryArea Area { get; private set; } = null!;
    public string PrefectureName { get; private set; } = "";
    public List<AreaMunicipality> Municipalities { get; private set; } = [];

    public bool CanEdit => Db.Scope.CanWritePrefecture(Area.PrefectureCode);
    public int CurrentYear => FiscalYear.Current(Clock).StartYear;
    public DateOnly Today => JapanTime.TodayJst(Clock);
    public string AreaUrl => "/areas/" + Area.Code;

    public string MunicipalityName(string code) => Municipalities.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    /// <returns>404 when the area does not exist or lies in a prefecture the caller does not read; else null.</returns>
    protected async Task<IActionResult?> LoadAreaAsync(string areaCode, CancellationToken ct)
    {
        var area = await Db.SecondaryAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Code == areaCode, ct);
        if (area is null || !Db.Scope.CanReadPrefecture(area.PrefectureCode)) return NotFound();
        Area = area;
        PrefectureName = await Db.Prefectures.Where(p => p.Code == area.PrefectureCode).Select(p => p.Name).SingleAsync(ct);
        Municipalities = await AreaPlaces.MunicipalitiesAsync(Db, areaCode, ct);
        return null;
    }

    /// <summary>Like <see cref="LoadAreaAsync"/>, for pages that change the prefecture's records: 403 for readers.</summary>
    protected async Task<IActionResult?> LoadForEditAsync(string areaCode, CancellationToken ct) =>
        await LoadAreaAsync(areaCode, ct) ?? (CanEdit ? null : Forbid());

    /// <summary>Saves, turning a stale version into the concurrency message on the form.</summary>
    protected async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return false;
        }
    }

    /// <summary>Deletes a record the user saw at <paramref name="version"/>; if someone saved it since, nothing is deleted.</summary>
    protected async Task<IActionResult> DeleteAsync<T>(T entity, long version, string done, string back, CancellationToken ct) where T : class, IVersioned
    {
        if (!await Concurrency.TryDeleteAsync(Db, entity, version, ct))
        {
            TempData["Error"] = Concurrency.Message;
            return Redirect(back);
        }
        TempData["Message"] = done;
        return Redirect(AreaUrl);
    }

    protected void CheckDate(string field, string label, DateOnly? date, bool required)
    {
        if (date is null) { if (required) ModelState.AddModelError(field, $"{label}を入力してください。"); }
        else if (date.Value.Year is < 2000 or > 2100) ModelState.AddModelError(field, $"{label}は2000年から2100年までの日付で入力してください。");
    }

    protected void CheckLength(string field, string label, string? text, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text)) { if (required) ModelState.AddModelError(field, $"{label}を入力してください。"); }
        else if (text.Trim().Length > max) ModelState.AddModelError(field, $"{label}は{max}文字以内で入力してください。");
    }
}
