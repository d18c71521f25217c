using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Councils;

namespace Renkei.Tests.Councils;

/// <summary>Meeting materials: only allowed files are stored, byte for byte, and only members and staff get them back.</summary>
public sealed class AttachmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string JapaneseName = "令和7年度 第1回 協議会資料（案）.pdf";

    [Fact]
    public async Task An_allowed_file_round_trips_byte_identical_with_its_japanese_name_and_the_download_is_audited()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "資料テスト協議会");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var bytes = CouncilKit.Pdf(300_000);
        var upload = await CouncilKit.UploadAsync(staff, seeded.MeetingId, JapaneseName, bytes);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var id = await AttachmentIdAsync(seeded.MeetingId, JapaneseName);
        Assert.Contains($"/councils/attachments/{id}", await staff.GetPageAsync($"/councils/meetings/{seeded.MeetingId}"), StringComparison.Ordinal);

        var download = await staff.GetAsync($"/councils/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(JapaneseName, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var stored = await db.Attachments.SingleAsync(a => a.Id == id);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length, "tottori-staff"), (stored.Sha256, stored.Size, stored.UploadedBy));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(Attachment) && a.EntityKey == id.ToString() && a.UserName == "tottori-staff"));
        // The log records the upload (name, size, hash) without copying the file into it.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Create && a.EntityType == nameof(Attachment) && a.EntityKey == id.ToString()));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AttachmentContent)));
    }

    [Theory]
    [InlineData("議事次第.pdf", "exe", "ファイルの内容が拡張子（.pdf）と一致しません。")]
    [InlineData("会議資料.docx", "pdf", "ファイルの内容が拡張子（.docx）と一致しません。")]
    [InlineData("setup.exe", "exe", "この種類のファイル（.exe）は添付できません。")]
    [InlineData("名簿.csv", "exe", "ファイルの内容が拡張子（.csv）と一致しません。")]
    public async Task A_file_whose_content_is_not_an_allowed_type_is_refused_with_a_message_and_nothing_is_stored(string name, string content, string message)
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "拒否テスト協議会 " + name);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        // A Windows program starts with "MZ"; renamed, it must still be recognised for what it is.
        var bytes = content == "exe" ? [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00] : CouncilKit.Pdf();
        var response = await CouncilKit.UploadAsync(staff, seeded.MeetingId, name, bytes, "application/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(seeded.MeetingId));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "上限テスト協議会");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var tooLarge = await CouncilKit.UploadAsync(staff, seeded.MeetingId, "大きな資料.pdf", CouncilKit.Pdf((int)AttachmentOptions.DefaultMaxBytes + 1));
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("添付できる大きさ（10 MB）を超えています。", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(seeded.MeetingId));
        var atLimit = await CouncilKit.UploadAsync(staff, seeded.MeetingId, "上限の資料.pdf", CouncilKit.Pdf((int)AttachmentOptions.DefaultMaxBytes));
        Assert.Equal(HttpStatusCode.Redirect, atLimit.StatusCode);
        Assert.Equal(1, await CountAsync(seeded.MeetingId));
    }

    [Fact]
    public async Task Only_staff_who_read_the_municipality_and_member_organisations_download_and_only_writers_delete()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "配布テスト協議会");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var bytes = CouncilKit.Pdf();
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilKit.UploadAsync(staff, seeded.MeetingId, JapaneseName, bytes)).StatusCode);
        var url = $"/councils/attachments/{await AttachmentIdAsync(seeded.MeetingId, JapaneseName)}";

        using var doctor = await WebSession.SignInAsync(app.Factory, "doctor");
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/councils/{seeded.CouncilId}")).StatusCode);
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await yonago.GetAsync(url)).StatusCode);
        using var shimane = await WebSession.SignInAsync(app.Factory, "shimane-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync(url)).StatusCode);
        using var anonymous = WebSession.Open(app.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
        foreach (var reader in new[] { "pref-staff", "hc-staff" })
        {
            using var session = await WebSession.SignInAsync(app.Factory, reader);
            Assert.Equal(bytes, await (await session.GetAsync(url)).Content.ReadAsByteArrayAsync());
        }

        // The clinic joins the council: its professional now sees the council and gets the file, read-only.
        var (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            var member = await db.CouncilMembers.SingleAsync(m => m.Id == seeded.Members[Profession.Nurse]);
            member.OrganisationId = app.Orgs["clinic"];
            await db.SaveChangesAsync();
        }
        var file = await doctor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("配布テスト協議会", await doctor.GetPageAsync("/councils"), StringComparison.Ordinal);
        var councilPage = await doctor.GetPageAsync($"/councils/{seeded.CouncilId}");
        Assert.DoesNotContain("委員を追加", councilPage, StringComparison.Ordinal);
        Assert.DoesNotContain("roster?format", councilPage, StringComparison.Ordinal);
        var meetingPage = await doctor.GetPageAsync($"/councils/meetings/{seeded.MeetingId}");
        Assert.DoesNotContain("handler=Upload", meetingPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/councils/{seeded.CouncilId}/roster?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/councils/{seeded.CouncilId}/meetings/edit/{seeded.MeetingId}")).StatusCode);
        // A member cannot upload or delete, even with a well-formed post.
        var exe = await CouncilKit.UploadAsync(doctor, seeded.MeetingId, "x.pdf", CouncilKit.Pdf());
        Assert.Equal(HttpStatusCode.Forbidden, exe.StatusCode);
        var id = await AttachmentIdAsync(seeded.MeetingId, JapaneseName);
        var delete = await CouncilKit.PostAsync(doctor, $"/councils/meetings/{seeded.MeetingId}?handler=DeleteAttachment&attachment={id}", meetingPage);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(1, await CountAsync(seeded.MeetingId));

        var staffPage = await staff.GetPageAsync($"/councils/meetings/{seeded.MeetingId}");
        var deleted = await CouncilKit.PostAsync(staff, $"/councils/meetings/{seeded.MeetingId}?handler=DeleteAttachment&attachment={id}", staffPage);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(seeded.MeetingId));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).StatusCode);
        (s, db) = app.Factory.SystemDb();
        await using (s) Assert.False(await db.AttachmentContents.AnyAsync(c => c.AttachmentId == id));
    }

    private async Task<int> AttachmentIdAsync(int meetingId, string name)
    {
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        return await db.Attachments.Where(a => a.OwnerType == "Meeting" && a.OwnerId == meetingId && a.FileName == name).Select(a => a.Id).SingleAsync();
    }

    private async Task<int> CountAsync(int meetingId)
    {
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        return await db.Attachments.CountAsync(a => a.OwnerType == "Meeting" && a.OwnerId == meetingId);
    }
}
