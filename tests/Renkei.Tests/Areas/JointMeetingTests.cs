using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Councils;
using Renkei.Tests.Support;
using Renkei.Web.Platform.Data;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

/// <summary>Joint meetings: recorded by the prefecture, linked to a municipality's council minutes that only that municipality's readers open.</summary>
[Collection(AppCollection.Name)]
public sealed class JointMeetingTests(AppFixture app)
{
    [Fact]
    public async Task A_joint_meeting_linked_to_council_minutes_shows_the_link_only_to_those_who_read_them()
    {
        var council = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "合同会議テスト協議会");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var form = await pref.GetPageAsync($"/areas/{East}/meetings/edit");
        Assert.Contains($"<option value=\"{council.MeetingId}\">", form, StringComparison.Ordinal); // the picker offers 鳥取市's meeting
        var saved = await PostAsync(pref, $"/areas/{East}/meetings/edit",
        [
            ("HeldOn", Iso(new DateOnly(ThisYear, 7, 17))), ("Title", "合同会議テスト：東部圏域会議"), ("Host", "鳥取県"),
            ("Participants", TestWorld.Tottori), ("Participants", "313025"), ("Summary", "入退院ルールの改定を協議"),
            ("MeetingId", council.MeetingId.ToString(CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var meeting = await db.JointMeetings.SingleAsync(m => m.Title == "合同会議テスト：東部圏域会議");
        Assert.Equal(($"{TestWorld.Tottori},313025", council.MeetingId), (meeting.ParticipantCodes, meeting.MeetingId));

        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var row = Row(await tottori.GetPageAsync($"/areas/{East}"), meeting.Id);
        Assert.Contains($"href=\"/councils/meetings/{council.MeetingId}\"", row, StringComparison.Ordinal);
        Assert.Contains("鳥取市、岩美町", row, StringComparison.Ordinal);

        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        var hidden = Row(await yonago.GetPageAsync($"/areas/{East}"), meeting.Id);
        Assert.Contains("（会議録は主催市町村が管理）", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("/councils/meetings/", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("合同会議テスト協議会", hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_needs_a_date_and_title_and_participants_of_the_area()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var response = await PostAsync(pref, $"/areas/{East}/meetings/edit", [("HeldOn", ""), ("Title", " "), ("Participants", TestWorld.Yonago)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var message in new[] { "開催日を入力してください。", "会議名を入力してください。", "参加市町村は一覧から選んでください。" })
            Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_meeting_checks_the_version_the_user_saw()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pref, $"/areas/{East}/meetings/edit",
            [("HeldOn", Iso(new DateOnly(ThisYear, 5, 9))), ("Title", "合同会議テスト：削除する会議")])).StatusCode);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var id = (await db.JointMeetings.SingleAsync(m => m.Title == "合同会議テスト：削除する会議")).Id;
        var url = $"/areas/{East}/meetings/edit/{id}";
        var staleDelete = WebSession.HiddenFields(await pref.GetPageAsync(url)); // the last form on the page is the delete form, with the version shown
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pref, url, [("HeldOn", Iso(new DateOnly(ThisYear, 5, 10))), ("Title", "合同会議テスト：削除する会議（日程変更）")])).StatusCode);

        var refused = await pref.Client.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent(staleDelete));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(await db.JointMeetings.AnyAsync(m => m.Id == id));
        Assert.Contains(Concurrency.Message, WebUtility.HtmlDecode(await pref.GetPageAsync(refused.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var fresh = WebSession.HiddenFields(await pref.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await pref.Client.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent(fresh))).StatusCode);
        Assert.False(await db.JointMeetings.AnyAsync(m => m.Id == id));
    }

    private static string Row(string html, int meetingId)
    {
        var start = html.IndexOf($"<tr data-meeting=\"{meetingId}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the meeting is listed");
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)]);
    }
}
