using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// What every PDCA page shares: the municipality it works on (?muni=, with the picker), whether the
/// caller may edit it (program staff with write scope), the current 年度 and meeting titles.
/// Reading needs only read scope on the municipality, so 都道府県 and 保健所 staff follow the cycle.
/// </summary>
[Authorize]
public abstract class PdcaPage(RenkeiDb db, TimeProvider clock) : PageModel
{
    protected RenkeiDb Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    [BindProperty(SupportsGet = true, Name = "muni")] public string? Muni { get; set; }

    public MunicipalityChoice Choice { get; private set; } = null!;
    public bool CanEdit => Choice.CanWrite && StaffOnlyAttribute.Allows(User);
    public int CurrentYear => FiscalYear.Current(Clock).StartYear;

    /// <returns>A 403 when the caller may not read the municipality asked for, or reads none; else null.</returns>
    protected async Task<IActionResult?> ResolveAsync(string? municipalityCode = null)
    {
        var requested = municipalityCode ?? Muni;
        // An explicit municipality the caller may not read is refused, not silently swapped for their own.
        if (requested is not null && !Db.Scope.CanRead(requested)) return Forbid();
        if (await MunicipalityChoice.ResolveAsync(Db, User, requested, HttpContext.RequestAborted) is not { } choice) return Forbid();
        Choice = choice;
        Muni = choice.Code;
        return null;
    }

    /// <summary>Like <see cref="ResolveAsync"/>, for pages that change data: also needs write scope and a staff role.</summary>
    protected async Task<IActionResult?> ResolveForEditAsync(string? municipalityCode = null)
    {
        if (await ResolveAsync(municipalityCode) is { } stop) return stop;
        return CanEdit ? null : Forbid();
    }

    /// <summary>
    /// Deletes a record the user saw at <paramref name="version"/> (audited like any save). If someone saved it
    /// since, nothing is deleted and the user is sent back with the concurrency message.
    /// </summary>
    protected async Task<IActionResult> DeleteAsync<T>(T entity, long version, string done, string back, string list) where T : class, IVersioned
    {
        if (!await Concurrency.TryDeleteAsync(Db, entity, version, HttpContext.RequestAborted))
        {
            TempData["Error"] = Concurrency.Message;
            return Redirect(back);
        }
        TempData["Message"] = done;
        return Redirect(list);
    }

    /// <summary>"令和7年6月3日 第1回協議会" for the meetings of the municipality, newest first (for pickers and labels).</summary>
    protected async Task<Dictionary<int, string>> MeetingLabelsAsync(IEnumerable<int>? only = null)
    {
        var ids = only?.ToList();
        var query = Db.Meetings.AsNoTracking().Where(m => m.MunicipalityCode == Choice.Code);
        if (ids is not null) query = query.Where(m => ids.Contains(m.Id));
        var meetings = await query.OrderByDescending(m => m.HeldOn).Take(200).Select(m => new { m.Id, m.HeldOn, m.Title }).ToListAsync();
        return meetings.ToDictionary(m => m.Id, m => $"{Wareki.FormatDate(m.HeldOn)} {m.Title}");
    }
}
