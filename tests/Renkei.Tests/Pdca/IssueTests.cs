using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

[Collection(AppCollection.Name)]
public sealed class IssueTests(AppFixture app)
{
    private static readonly string NewIssue = $"/pdca/issues/edit?muni={TestWorld.Tottori}";

    [Fact]
    public async Task An_issue_is_refused_with_japanese_messages_then_saved_with_its_scenes_and_items()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var empty = await PostAsync(staff, NewIssue, Issue(""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("課題を入力してください。", await TextAsync(empty), StringComparison.Ordinal);
        var tooLong = await PostAsync(staff, NewIssue, Issue(new string('長', 1001), ("Form.MeetingId", "999999")));
        var text = await TextAsync(tooLong);
        Assert.Contains("課題は1000文字以内で入力してください。", text, StringComparison.Ordinal);
        Assert.Contains("会議は一覧から選んでください。", text, StringComparison.Ordinal);

        var saved = await PostAsync(staff, NewIssue, Issue("検証：夜間の連絡体制がない",
            ("Form.Scenes", "Emergency"), ("Form.Scenes", "EndOfLife"), ("Form.Items", "U"), ("Form.Items", "Ki")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var issue = await db.ProgramIssues.SingleAsync(i => i.Id == IdFrom(saved));
        Assert.Equal(Scenes.Emergency | Scenes.EndOfLife, issue.Scenes);
        Assert.Equal((1 << 3) | (1 << 7), issue.Items); // bits 1 << ProgramItem: U = 3, Ki = 7
        Assert.Equal("tottori-staff", issue.UpdatedBy);
        Assert.Equal(0, await db.ProgramIssues.CountAsync(i => i.Statement == "" || i.Statement.StartsWith("長長")));
        var page = await TextAsync(await staff.GetAsync($"/pdca/issues/{issue.Id}"));
        Assert.Contains("急変時の対応・看取り", page, StringComparison.Ordinal);
        Assert.Contains("（ウ）（キ）", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_refused()
    {
        var id = await SeedIssueAsync(app.Factory, "競合：最初の文");
        using var first = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        using var second = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/pdca/issues/edit/{id}";
        var formA = WebSession.HiddenFields(await first.GetPageAsync(url));
        var formB = WebSession.HiddenFields(await second.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithAsync(first, url, formA, Issue("競合：Aさんの変更"))).StatusCode);
        var stale = await PostWithAsync(second, url, formB, Issue("競合：Bさんの変更"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Concurrency.Message, await TextAsync(stale), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal("競合：Aさんの変更", (await db.ProgramIssues.SingleAsync(i => i.Id == id)).Statement);
    }

    [Fact]
    public async Task A_form_posted_twice_registers_one_issue()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var hidden = WebSession.HiddenFields(await staff.GetPageAsync(NewIssue));
        var firstPost = await PostWithAsync(staff, NewIssue, hidden, Issue("二重送信：一件だけ"));
        var secondPost = await PostWithAsync(staff, NewIssue, hidden, Issue("二重送信：一件だけ"));
        Assert.StartsWith("/pdca/issues/", firstPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(NewIssue, secondPost.Headers.Location!.OriginalString);
        Assert.Contains(FormOnceFilter.AlreadyProcessed, WebUtility.HtmlDecode(await staff.GetPageAsync(NewIssue)), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(1, await db.ProgramIssues.CountAsync(i => i.Statement == "二重送信：一件だけ"));
    }
}
