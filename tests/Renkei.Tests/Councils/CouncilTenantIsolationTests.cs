using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;

namespace Renkei.Tests.Councils;

/// <summary>Another municipality's staff can neither read nor change 鳥取市's councils through any council page.</summary>
public sealed class CouncilTenantIsolationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Yonago_staff_cannot_read_any_page_of_a_tottori_council()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "鳥取市だけの協議会");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilKit.UploadAsync(staff, seeded.MeetingId, "資料.pdf", CouncilKit.Pdf())).StatusCode);
        int attachment;
        var (s, db) = app.Factory.SystemDb();
        await using (s) attachment = await db.Attachments.Where(a => a.OwnerId == seeded.MeetingId).Select(a => a.Id).SingleAsync();
        var member = seeded.Members[Profession.Physician];

        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        foreach (var url in new[]
        {
            $"/councils/{seeded.CouncilId}", $"/councils/edit/{seeded.CouncilId}", $"/councils/{seeded.CouncilId}/members/edit",
            $"/councils/{seeded.CouncilId}/members/edit/{member}", $"/councils/{seeded.CouncilId}/meetings/edit",
            $"/councils/{seeded.CouncilId}/meetings/edit/{seeded.MeetingId}", $"/councils/meetings/{seeded.MeetingId}",
            $"/councils/{seeded.CouncilId}/roster?format=csv", $"/councils/{seeded.CouncilId}/roster?format=xlsx", $"/councils/attachments/{attachment}",
        })
        {
            Assert.True((await yonago.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        // Asking for 鳥取市 in the list shows yonago's own list instead.
        var list = await yonago.GetPageAsync($"/councils?muni={TestWorld.Tottori}");
        Assert.DoesNotContain("鳥取市だけの協議会", list, StringComparison.Ordinal);
        Assert.Contains("米子市 の協議会・部会", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yonago_staff_cannot_write_to_a_tottori_council_and_nothing_changes()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "書込拒否テスト協議会");
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        // Valid antiforgery and form tokens from a form yonago-staff may open: only the target is foreign.
        var own = $"/councils/edit?muni={TestWorld.Yonago}";
        async Task<HttpStatusCode> Post(string url, params (string, string)[] fields) =>
            (await CouncilKit.PostAsync(yonago, url, await yonago.GetPageAsync(own), fields)).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, await Post($"/councils/edit?muni={TestWorld.Tottori}", ("Name", "侵入"), ("Kind", "Council")));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/edit/{seeded.CouncilId}", ("Name", "侵入"), ("Kind", "Council")));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/{seeded.CouncilId}/members/edit", ("OrganisationName", "侵入"), ("Profession", "Physician")));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/{seeded.CouncilId}/members/edit/{seeded.Members[Profession.Physician]}", ("OrganisationName", "侵入"), ("Profession", "Physician")));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/{seeded.CouncilId}?handler=RemoveMember&member={seeded.Members[Profession.Nurse]}"));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/{seeded.CouncilId}/meetings/edit", ("HeldOn", "2025-07-01"), ("Title", "侵入")));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/councils/{seeded.CouncilId}/meetings/edit/{seeded.MeetingId}", ("HeldOn", "2025-07-01"), ("Title", "侵入")));
        Assert.Equal(HttpStatusCode.NotFound, (await CouncilKit.UploadAsync(yonago, seeded.MeetingId, "侵入.pdf", CouncilKit.Pdf(), formFrom: own)).StatusCode);

        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.Equal("書込拒否テスト協議会", (await db.Councils.SingleAsync(c => c.Id == seeded.CouncilId)).Name);
        Assert.Equal(5, await db.CouncilMembers.CountAsync(m => m.CouncilId == seeded.CouncilId && m.OrganisationName != "侵入"));
        Assert.Equal(5, await db.CouncilMembers.CountAsync(m => m.CouncilId == seeded.CouncilId));
        Assert.Equal(1, await db.Meetings.CountAsync(m => m.CouncilId == seeded.CouncilId));
        Assert.False(await db.Councils.AnyAsync(c => c.Name == "侵入"));
        Assert.False(await db.Attachments.AnyAsync(a => a.OwnerId == seeded.MeetingId));
    }
}
