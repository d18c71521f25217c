using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Tests.Councils;

/// <summary>Councils, members and meetings through the pages, as municipal staff use them.</summary>
public sealed partial class CouncilPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Muni = TestWorld.Tottori;

    [Fact]
    public async Task Staff_create_a_council_and_a_working_group_and_the_form_says_what_is_missing()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/councils/edit?muni={Muni}";
        var empty = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url), ("Name", "  "), ("Kind", "Council"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("名称を入力してください。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url), ("Name", "在宅医療・介護連携推進協議会（作成テスト）"), ("Kind", "Council"), ("Purpose", "課題の抽出"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var councilUrl = created.Headers.Location!.OriginalString;
        var councilId = int.Parse(councilUrl.Split('/')[^1]);

        var orphan = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url), ("Name", "入退院支援部会（作成テスト）"), ("Kind", "WorkingGroup"));
        Assert.Contains("部会・ワーキンググループは、設置する協議会を選んでください。", await orphan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wg = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url), ("Name", "入退院支援部会（作成テスト）"), ("Kind", "WorkingGroup"), ("ParentId", councilId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, wg.StatusCode);

        var page = await staff.GetPageAsync(councilUrl);
        Assert.Contains("入退院支援部会（作成テスト）", page, StringComparison.Ordinal);
        var list = await staff.GetPageAsync("/councils");
        Assert.Contains("在宅医療・介護連携推進協議会（作成テスト）", list, StringComparison.Ordinal);

        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var group = await db.Councils.SingleAsync(c => c.Name == "入退院支援部会（作成テスト）");
        Assert.Equal((CouncilKind.WorkingGroup, councilId, Muni), (group.Kind, group.ParentId, group.MunicipalityCode));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Council) && a.EntityKey == councilId.ToString() && a.UserName == "tottori-staff"));
    }

    [Fact]
    public async Task The_same_form_posted_twice_creates_one_council()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/councils/edit?muni={Muni}";
        var html = await staff.GetPageAsync(url);
        var first = await CouncilKit.PostAsync(staff, url, html, ("Name", "二重送信テスト協議会"), ("Kind", "Council"));
        var second = await CouncilKit.PostAsync(staff, url, html, ("Name", "二重送信テスト協議会"), ("Kind", "Council"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains(FormOnceFilter.AlreadyProcessed, await staff.GetPageAsync(second.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.Equal(1, await db.Councils.CountAsync(c => c.Name == "二重送信テスト協議会"));
    }

    [Fact]
    public async Task Members_are_added_validated_edited_flagged_when_their_term_ended_and_removed_keeping_past_attendance()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, Muni, "委員テスト協議会", null, Profession.Physician);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/councils/{seeded.CouncilId}/members/edit";
        var bad = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url),
            ("OrganisationName", ""), ("Profession", "CareManager"), ("TermFrom", "2025-04-01"), ("TermTo", "2024-03-31"));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("団体・機関名を入力してください。", badHtml, StringComparison.Ordinal);
        Assert.Contains("任期の終わりは任期の始まり以降の日付にしてください。", badHtml, StringComparison.Ordinal);

        var ok = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url),
            ("OrganisationName", "ケアマネ連絡会"), ("PersonName", "（委員）"), ("Role", "副会長"), ("Profession", "CareManager"), ("TermFrom", "2021-04-01"), ("TermTo", "2023-03-31"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await staff.GetPageAsync($"/councils/{seeded.CouncilId}");
        var careRow = RowOf(page, "ケアマネ連絡会");
        Assert.Contains("任期終了", careRow, StringComparison.Ordinal);
        Assert.Contains("令和3年4月1日〜令和5年3月31日", careRow, StringComparison.Ordinal);
        Assert.DoesNotContain("任期終了", RowOf(page, "医師の団体"), StringComparison.Ordinal);
        // Ended terms do not count in the current composition: one physician only.
        Assert.Contains("data-testid=\"count-Care\">0<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-Medical\">1<", page, StringComparison.Ordinal);

        int memberId;
        var (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            var m = await db.CouncilMembers.SingleAsync(x => x.CouncilId == seeded.CouncilId && x.OrganisationName == "ケアマネ連絡会");
            memberId = m.Id;
            db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = seeded.MeetingId, MunicipalityCode = Muni, MemberId = m.Id, Profession = m.Profession });
            await db.SaveChangesAsync();
        }
        var editUrl = $"/councils/{seeded.CouncilId}/members/edit/{memberId}";
        var edited = await CouncilKit.PostAsync(staff, editUrl, await staff.GetPageAsync(editUrl),
            ("OrganisationName", "介護支援専門員連絡協議会"), ("Profession", "CareManager"), ("TermFrom", "2025-04-01"), ("TermTo", "2099-03-31"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("data-testid=\"count-Care\">1<", await staff.GetPageAsync($"/councils/{seeded.CouncilId}"), StringComparison.Ordinal);

        var detailsUrl = $"/councils/{seeded.CouncilId}";
        var removed = await CouncilKit.PostAsync(staff, $"{detailsUrl}?handler=RemoveMember&member={memberId}", await staff.GetPageAsync(detailsUrl));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            Assert.False(await db.CouncilMembers.AnyAsync(x => x.Id == memberId));
            var row = await db.MeetingAttendance.SingleAsync(a => a.MeetingId == seeded.MeetingId);
            Assert.Equal((null, "介護支援専門員連絡協議会", Profession.CareManager), (row.MemberId, row.GuestName, row.Profession));
        }
        Assert.Contains("介護支援専門員連絡協議会（委員以外）", await staff.GetPageAsync($"/councils/meetings/{seeded.MeetingId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_records_attendance_and_shows_the_balance_by_group_and_profession_with_the_date_in_wareki()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, Muni, "出席テスト協議会", null,
            Profession.Physician, Profession.Nurse, Profession.CareManager, Profession.CareWorker, Profession.Administration, Profession.Resident);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/councils/{seeded.CouncilId}/meetings/edit";
        var missing = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url), ("HeldOn", ""), ("Title", ""));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("開催日を入力してください。", missingHtml, StringComparison.Ordinal);
        Assert.Contains("会議名を入力してください。", missingHtml, StringComparison.Ordinal);

        var created = await CouncilKit.PostAsync(staff, url, await staff.GetPageAsync(url),
            ("HeldOn", "2025-07-17"), ("Title", "令和7年度 第1回"), ("Agenda", "1 入退院支援について"), ("Minutes", "意見交換を行った。"), ("Decisions", "部会を設置する。"),
            ("Attended", seeded.Members[Profession.Physician].ToString()), ("Attended", seeded.Members[Profession.Nurse].ToString()),
            ("Attended", seeded.Members[Profession.CareManager].ToString()),
            ("Guests[0].Name", "薬剤師会 代理"), ("Guests[0].Profession", "Pharmacist"),
            ("Guests[1].Name", "県 担当者"), ("Guests[1].Profession", "Administration"),
            ("Guests[2].Name", ""), ("Guests[2].Profession", "Other"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var meeting = await staff.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("令和7年7月17日", meeting, StringComparison.Ordinal);
        Assert.Equal("3", Count(meeting, "Medical"));
        Assert.Equal("1", Count(meeting, "Care"));
        Assert.Equal("1", Count(meeting, "Public"));
        Assert.Equal("0", Count(meeting, "Other"));
        Assert.Equal("5", Count(meeting, "total"));
        Assert.Contains("医師 1、薬剤師 1、看護師 1、介護支援専門員 1、行政 1", meeting, StringComparison.Ordinal);
        Assert.Contains("data-print", meeting, StringComparison.Ordinal);
        Assert.Contains("部会を設置する。", meeting, StringComparison.Ordinal);

        // Unticking the nurse and the guests is saved too.
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var editUrl = $"/councils/{seeded.CouncilId}/meetings/edit/{id}";
        var edited = await CouncilKit.PostAsync(staff, editUrl, await staff.GetPageAsync(editUrl),
            ("HeldOn", "2025-07-17"), ("Title", "令和7年度 第1回"), ("Attended", seeded.Members[Profession.Physician].ToString()), ("Attended", seeded.Members[Profession.CareManager].ToString()),
            ("Guests[0].Name", ""), ("Guests[1].Name", ""));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        meeting = await staff.GetPageAsync($"/councils/meetings/{id}");
        Assert.Equal(("1", "1", "2"), (Count(meeting, "Medical"), Count(meeting, "Care"), Count(meeting, "total")));
        Assert.Contains("2 名（医療 1", await staff.GetPageAsync($"/councils/{seeded.CouncilId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_meeting_form_is_refused_with_the_concurrency_message()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, Muni, "同時編集テスト協議会");
        using var alice = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        using var bob = await WebSession.SignInAsync(app.Factory, "tottori-staff"); // a second session: another browser
        var url = $"/councils/{seeded.CouncilId}/meetings/edit/{seeded.MeetingId}";
        var aliceForm = await alice.GetPageAsync(url);
        var bobForm = await bob.GetPageAsync(url);
        var first = await CouncilKit.PostAsync(alice, url, aliceForm, ("HeldOn", "2025-07-17"), ("Title", "アリスの題名"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // Bob only ticks attendance: that must be checked against the version too.
        var second = await CouncilKit.PostAsync(bob, url, bobForm, ("HeldOn", "2025-07-17"), ("Title", "同時編集テスト協議会 第1回"),
            ("Attended", seeded.Members[Profession.Physician].ToString()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(Concurrency.Message, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var meeting = await db.Meetings.Include(m => m.Attendance).SingleAsync(m => m.Id == seeded.MeetingId);
        Assert.Equal("アリスの題名", meeting.Title);
        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public async Task The_roster_downloads_as_csv_and_xlsx_for_staff_and_is_audited()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, Muni, "名簿テスト協議会");
        using var staff = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var csv = await staff.GetAsync($"/councils/{seeded.CouncilId}/roster?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("No.,分類,職種,団体・機関,氏名,役職,任期開始,任期終了,状態\r\n", text, StringComparison.Ordinal);
        Assert.Contains("1,医療,医師,医師の団体,,委員,,,在任\r\n", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("名簿テスト協議会_委員名簿_" + Renkei.Web.Platform.Time.JapanTime.TodayJst(TimeProvider.System).ToString("yyyyMMdd") + ".csv", csv.Content.Headers.ContentDisposition!.FileNameStar);

        var xlsx = await staff.GetAsync($"/councils/{seeded.CouncilId}/roster?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["医師の団体", "看護師の団体", "介護支援専門員の団体", "介護職・介護事業者の団体", "行政の団体"], rows.Select(r => r["団体・機関"]?.ToString()));

        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Renkei.Web.Features.Audit.AuditActions.Read && a.EntityType == nameof(CouncilMember)
            && a.EntityKey == seeded.CouncilId.ToString() && a.UserName == "pref-staff"));
    }

    [Fact]
    public async Task Prefecture_staff_read_but_cannot_edit_and_see_no_edit_buttons()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, Muni, "閲覧テスト協議会");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var list = await pref.GetPageAsync($"/councils?muni={Muni}");
        Assert.Contains("閲覧テスト協議会", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"municipality-picker\"", list, StringComparison.Ordinal);
        var page = await pref.GetPageAsync($"/councils/{seeded.CouncilId}");
        Assert.DoesNotContain("委員を追加", page, StringComparison.Ordinal);
        Assert.DoesNotContain("会議を登録", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pref.GetAsync($"/councils/meetings/{seeded.MeetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync($"/councils/edit/{seeded.CouncilId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync($"/councils/{seeded.CouncilId}/meetings/edit/{seeded.MeetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync($"/councils/edit?muni={Muni}")).StatusCode);
    }

    private static string RowOf(string html, string text) =>
        Regex.Matches(html, "<tr data-member=.*?</tr>", RegexOptions.Singleline).Single(m => m.Value.Contains(text, StringComparison.Ordinal)).Value;

    private static string Count(string html, string group) => CountRegex().Matches(html).Single(m => m.Groups[1].Value == group).Groups[2].Value;

    [GeneratedRegex("data-testid=\"count-(\\w+)\">(\\d+)<")]
    private static partial Regex CountRegex();
}
