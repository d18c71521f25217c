using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// Serves a version's document to the readers of its prefecture (the query filter hides other prefectures'
/// versions, so everyone else gets 404). Always as a download with the recognised content type and nosniff,
/// so a browser never runs an uploaded file in Renkei's origin; the Japanese name survives (filename*). Audited.
/// </summary>
[Authorize]
public sealed class DocumentModel(RenkeiDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var version = await db.AreaRuleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null || version.FileName is null || version.ContentType is null || !db.Scope.CanReadPrefecture(version.PrefectureCode)) return NotFound();
        var title = await db.AreaRules.Where(r => r.Id == version.RuleId).Select(r => r.Title).SingleAsync(ct);
        var bytes = await db.AreaDocumentContents.AsNoTracking().Where(c => c.VersionId == id).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is null) return NotFound();
        await db.AuditAsync(AuditActions.Read, nameof(AreaRuleVersion), id.ToString(CultureInfo.InvariantCulture),
            $"共通ルール・様式の文書のダウンロード: {version.FileName}（{title} {version.Label}）", ct: ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, version.ContentType, version.FileName);
    }
}
