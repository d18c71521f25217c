using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// One meeting as a 会議録: date in 和暦, agenda, attendance listed and counted by profession and group,
/// minutes, decisions and the materials. Printable. Staff of the municipality upload and delete materials here.
/// </summary>
[RequestSizeLimit(AttachmentOptions.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentOptions.HardLimitBytes)]
public sealed class MeetingModel(RenkeiDb db, TimeProvider clock, IConfiguration config) : PageModel
{
    public const string OwnerType = "Meeting";

    public sealed record Attendee(string Name, Profession Profession, bool IsMember);

    [BindProperty] public IFormFile? Upload { get; set; }

    public Meeting Meeting { get; private set; } = null!;
    public Council Council { get; private set; } = null!;
    public CouncilRight Right { get; private set; }
    public List<Attendee> Attendees { get; private set; } = [];
    public AttendanceBalance Balance { get; private set; } = AttendanceBalance.Of([]);
    public List<Attachment> Attachments { get; private set; } = [];
    public long MaxBytes => AttachmentOptions.MaxBytes(config);

    public bool CanEdit => Right == CouncilRight.Write;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await Load(id, ct) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } stop) return stop;
        if (!CanEdit) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "添付するファイルを選んでください。");
            return Page();
        }
        var (upload, error) = await CheckedUpload.ReadAsync(Upload, MaxBytes, "添付", ct);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Page();
        }
        var attachment = new Attachment
        {
            MunicipalityCode = Meeting.MunicipalityCode, OwnerType = OwnerType, OwnerId = Meeting.Id, FileName = upload.FileName, ContentType = upload.ContentType,
            Size = upload.Bytes.LongLength, Sha256 = upload.Sha256,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Identity?.Name,
        };
        // The content row needs the attachment's id: two saves, one transaction, so neither exists without the other.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = upload.Bytes });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        TempData["Message"] = $"「{upload.FileName}」を添付しました。";
        return Redirect($"/councils/meetings/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(int id, int attachment, CancellationToken ct)
    {
        if (await Load(id, ct) is { } stop) return stop;
        if (!CanEdit) return Forbid();
        if (await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachment && a.OwnerType == OwnerType && a.OwnerId == id, ct) is not { } a) return NotFound();
        db.Attachments.Remove(a); // the content row goes with it (cascade)
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"「{a.FileName}」を削除しました。";
        return Redirect($"/councils/meetings/{id}");
    }

    private async Task<IActionResult?> Load(int id, CancellationToken ct)
    {
        var (meeting, council, right) = await CouncilAccess.FindMeetingAsync(db, User, id, ct);
        if (meeting is null || council is null) return NotFound();
        (Meeting, Council, Right) = (meeting, council, right);
        // Read by id past the tenant filter: the council was allowed above (member organisations read no municipality).
        var members = await db.CouncilMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.CouncilId == council.Id).ToDictionaryAsync(m => m.Id, ct);
        Attendees = [.. meeting.Attendance
            .Select(a => new Attendee(a.Label(members), a.Profession, a.MemberId is not null))
            .OrderBy(a => a.Profession.Group()).ThenBy(a => a.Profession).ThenBy(a => !a.IsMember)];
        Balance = AttendanceBalance.Of(meeting.Attendance.Select(a => a.Profession));
        Attachments = await db.Attachments.IgnoreQueryFilters().AsNoTracking().Where(a => a.OwnerType == OwnerType && a.OwnerId == id)
            .OrderBy(a => a.Id).ToListAsync(ct);
        return null;
    }
}
