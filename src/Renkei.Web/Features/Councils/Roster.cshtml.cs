using Renkei.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// Downloads the member list (名簿) as xlsx or CSV. Staff only (write or read scope): names leave the system
/// in a file, so the download is audited; member organisations see the list on the council page.
/// </summary>
public sealed class RosterModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var (council, right) = await CouncilAccess.FindAsync(db, User, id, ct);
        if (council is null) return NotFound();
        if (right < CouncilRight.Read) return Forbid();
        var today = JapanTime.TodayJst(clock);
        var members = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id).ToListAsync(ct))
            .OrderBy(m => m.Profession.Group()).ThenBy(m => m.Profession).ThenBy(m => m.Id).ToList();
        var xlsx = !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        await db.AuditAsync(AuditActions.Read, nameof(CouncilMember), council.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"委員名簿 {(xlsx ? "Excel" : "CSV")}出力: {council.Name}", council.MunicipalityCode, ct);
        var name = $"{council.Name}_委員名簿_{today:yyyyMMdd}.{(xlsx ? "xlsx" : "csv")}";
        return xlsx
            ? File(await RosterExport.XlsxAsync(members, today, ct), Download.Xlsx, name)
            : File(await RosterExport.CsvAsync(members, today), Download.Csv, name);
    }
}
