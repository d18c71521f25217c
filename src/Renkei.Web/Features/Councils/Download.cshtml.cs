using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// Serves a meeting's attachment to staff who read the municipality and to users of the council's member
/// organisations (<see cref="CouncilAccess"/>); everyone else gets 404. Always as a download with the
/// recognised content type and nosniff, so a browser never runs an uploaded file in Renkei's origin. Audited.
/// </summary>
public sealed class DownloadModel(RenkeiDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Past the filter: member organisations read no municipality. Access is decided on the meeting's council below.
        var attachment = await db.Attachments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null || attachment.OwnerType != MeetingModel.OwnerType) return NotFound();
        var (meeting, _, right) = await CouncilAccess.FindMeetingAsync(db, User, attachment.OwnerId, ct);
        if (meeting is null || right == CouncilRight.None || meeting.MunicipalityCode != attachment.MunicipalityCode) return NotFound();
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is null) return NotFound();
        await db.AuditAsync(AuditActions.Read, nameof(Attachment), attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"会議資料のダウンロード: {attachment.FileName}（会議 {meeting.Id}）", attachment.MunicipalityCode, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        // FileDownloadName makes the header "attachment; filename=…; filename*=UTF-8''…" (RFC 6266 / 5987), so Japanese names survive.
        return File(bytes, attachment.ContentType, attachment.FileName);
    }
}
