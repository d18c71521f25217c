using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Progress;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;
using static Renkei.Tests.Progress.RoundKit;

namespace Renkei.Tests.Progress;

/// <summary>Opening, editing and listing rounds: the prefecture office's work, read by the organisations of the prefecture.</summary>
[Collection(AppCollection.Name)]
public sealed class RoundPagesTests(AppFixture app)
{
    private static Task<HttpResponseMessage> PostRoundAsync(WebSession s, string url, string html, params (string, string)[] fields)
    {
        var form = WebSession.HiddenFields(html).Where(kv => !fields.Any(f => f.Item1 == kv.Key)).Select(kv => (kv.Key, kv.Value)).Concat(fields);
        return s.Client.PostAsync(url, new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
    }

    [Fact]
    public async Task A_system_admin_posting_a_prefecture_not_in_the_list_is_refused_and_no_round_is_stored()
    {
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var response = await PostRoundAsync(sys, "/progress/new", await sys.GetPageAsync("/progress/new"),
            ("Pref", "99"), ("Title", "一覧にない都道府県の調査回"), ("AsOf", "2026-10-01"), ("State", "Open"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("都道府県を一覧から選んでください。", await TextAsync(response), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.ProgressRounds.AnyAsync(r => r.Title == "一覧にない都道府県の調査回"));
    }

    [Fact]
    public async Task Prefecture_staff_open_a_round_the_form_says_what_is_wrong_and_the_list_shows_it_with_wareki()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Contains("調査回を作成", await pref.GetPageAsync("/progress"), StringComparison.Ordinal);
        var bad = await PostRoundAsync(pref, "/progress/new", await pref.GetPageAsync("/progress/new"), ("Title", " "), ("AsOf", "2026-10-01"), ("DueOn", "2026-09-30"), ("State", "Open"));
        var badHtml = await TextAsync(bad);
        Assert.Contains("調査回の名称を入力してください。", badHtml, StringComparison.Ordinal);
        Assert.Contains("締切は基準日以降の日付にしてください。", badHtml, StringComparison.Ordinal);
        var noDate = await TextAsync(await PostRoundAsync(pref, "/progress/new", await pref.GetPageAsync("/progress/new"), ("Title", "基準日なし"), ("AsOf", ""), ("State", "Open")));
        Assert.Contains("基準日を入力してください。", noDate, StringComparison.Ordinal);
        var farDue = await TextAsync(await PostRoundAsync(pref, "/progress/new", await pref.GetPageAsync("/progress/new"), ("Title", "締切が遠すぎる調査回"), ("AsOf", "2026-10-01"), ("DueOn", "9999-12-31"), ("State", "Open")));
        Assert.Contains("締切は2100年までの日付で入力してください。", farDue, StringComparison.Ordinal);

        var created = await PostRoundAsync(pref, "/progress/new", await pref.GetPageAsync("/progress/new"),
            ("Title", "作成テスト 令和8年度 実施状況調査"), ("AsOf", "2026-10-01"), ("DueOn", "2026-11-30"), ("State", "Open"), ("Notes", "期限までに提出してください"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.ProgressRounds.AnyAsync(r => r.Title == "締切が遠すぎる調査回"));
        var round = await db.ProgressRounds.SingleAsync(r => r.Id == id);
        Assert.Equal(("31", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), RoundState.Open, "pref-staff"), (round.PrefectureCode, round.AsOf, round.DueOn, round.State, round.CreatedBy));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ProgressRound) && a.EntityKey == id.ToString() && a.UserName == "pref-staff"));

        var list = await pref.GetPageAsync("/progress");
        Assert.Contains("作成テスト 令和8年度 実施状況調査", list, StringComparison.Ordinal);
        Assert.Contains("令和8年10月1日", list, StringComparison.Ordinal);
        // 鳥取県 has 19 municipalities and no wards; none has answered yet.
        var page = await pref.GetPageAsync($"/progress/{id}");
        Assert.Contains("（0 / 19 提出済）", page, StringComparison.Ordinal);
        Assert.Contains($"/progress/{id}/dashboard", page, StringComparison.Ordinal);
        Assert.Contains($"/progress/{id}/import", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_round_checks_the_version_and_closing_it_is_shown()
    {
        var id = await SeedRoundAsync(app.Factory, "編集テスト調査回");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var url = $"/progress/{id}/edit";
        var first = await pref.GetPageAsync(url);
        var second = await pref.GetPageAsync(url);
        var saved = await PostRoundAsync(pref, url, first, ("Title", "編集テスト調査回（締切）"), ("AsOf", "2026-10-01"), ("State", "Closed"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await TextAsync(await PostRoundAsync(pref, url, second, ("Title", "古い画面からの保存"), ("AsOf", "2026-10-01"), ("State", "Open")));
        Assert.Contains(Concurrency.Message, stale, StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var round = await db.ProgressRounds.SingleAsync(r => r.Id == id);
        Assert.Equal(("編集テスト調査回（締切）", RoundState.Closed), (round.Title, round.State));
        Assert.Contains("data-testid=\"round-state\">締切（", await pref.GetPageAsync($"/progress/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_new_round_form_posted_twice_creates_one_round()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var html = await pref.GetPageAsync("/progress/new");
        var fields = new[] { ("Title", "二重送信テスト調査回"), ("AsOf", "2026-10-01"), ("State", "Open") };
        Assert.Equal(HttpStatusCode.Redirect, (await PostRoundAsync(pref, "/progress/new", html, fields)).StatusCode);
        var again = await PostRoundAsync(pref, "/progress/new", html, fields);
        Assert.Contains(FormOnceFilter.AlreadyProcessed, await pref.GetPageAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(1, await db.ProgressRounds.CountAsync(r => r.Title == "二重送信テスト調査回"));
    }

    [Theory]
    [InlineData("tottori-staff")]
    [InlineData("hc-staff")]
    public async Task Only_the_prefecture_office_opens_or_edits_rounds(string user)
    {
        var id = await SeedRoundAsync(app.Factory, "権限テスト調査回 " + user);
        using var session = await WebSession.SignInAsync(app.Factory, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/progress/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/progress/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/progress/{id}/import")).StatusCode);
        // A form of their own posted to the round changes nothing.
        var hidden = WebSession.HiddenFields(await session.GetPageAsync($"/progress/{id}"));
        hidden["Title"] = "書き換え"; hidden["AsOf"] = "2026-10-01"; hidden["State"] = "Closed";
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync($"/progress/{id}/edit", hidden)).StatusCode);
        Assert.DoesNotContain("調査回を作成", await session.GetPageAsync("/progress"), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal("権限テスト調査回 " + user, (await db.ProgressRounds.SingleAsync(r => r.Id == id)).Title);
    }

    [Fact]
    public async Task Another_prefecture_neither_lists_nor_opens_a_tottori_round()
    {
        var id = await SeedRoundAsync(app.Factory, "所属外テスト 鳥取県の調査回");
        using var shimane = await WebSession.SignInAsync(app.Factory, "shimane-staff");
        var list = await shimane.GetPageAsync("/progress");
        Assert.DoesNotContain("所属外テスト", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-rounds\"", list, StringComparison.Ordinal);
        foreach (var url in new[] { $"/progress/{id}", $"/progress/{id}/edit", $"/progress/{id}/import", $"/progress/{id}/import?handler=template", AnswerUrl(id, "312011") })
            Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync(url)).StatusCode);
        // A Shimane round answered for a Tottori municipality does not exist either.
        var own = await SeedRoundAsync(app.Factory, "所属外テスト 島根県の調査回", prefecture: "32");
        Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync(AnswerUrl(own, "312011"))).StatusCode);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await pref.GetAsync($"/progress/{own}")).StatusCode);
    }

    [Fact]
    public async Task Municipal_staff_see_only_their_own_row_and_a_health_centre_its_covered_ones()
    {
        var id = await SeedRoundAsync(app.Factory, "行の範囲テスト調査回");
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var own = await tottori.GetPageAsync($"/progress/{id}");
        Assert.Contains("data-muni=\"312011\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("data-muni=\"312029\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"/progress/{id}/dashboard", own, StringComparison.Ordinal);
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var covered = await hc.GetPageAsync($"/progress/{id}");
        Assert.Contains("data-muni=\"312011\"", covered, StringComparison.Ordinal);
        Assert.DoesNotContain("data-muni=\"312029\"", covered, StringComparison.Ordinal);
        Assert.Contains($"/progress/{id}/dashboard", covered, StringComparison.Ordinal);
        using var doctor = await WebSession.SignInAsync(app.Factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/progress/{id}")).StatusCode);
    }
    [Fact]
    public async Task A_system_admin_sees_every_prefectures_rounds_narrows_them_to_one_and_wards_never_answer()
    {
        var tottori = await SeedRoundAsync(app.Factory, "全国テスト 鳥取県の調査回");
        var okayama = await SeedRoundAsync(app.Factory, "全国テスト 岡山県の調査回", prefecture: "33");
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var all = await sys.GetPageAsync("/progress");
        Assert.Contains("全国テスト 鳥取県の調査回", all, StringComparison.Ordinal);
        Assert.Contains("全国テスト 岡山県の調査回", all, StringComparison.Ordinal);
        var one = await sys.GetPageAsync("/progress?pref=33");
        Assert.DoesNotContain("全国テスト 鳥取県の調査回", one, StringComparison.Ordinal);
        Assert.Contains("全国テスト 岡山県の調査回", one, StringComparison.Ordinal);

        // 岡山市 is a designated city: the city answers, its wards do not.
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var wards = await db.Municipalities.Where(m => m.PrefectureCode == "33" && m.Kind == Renkei.Web.Features.Regions.MunicipalityKind.Ward).Select(m => m.Code).ToListAsync();
        var answering = await db.Municipalities.CountAsync(m => m.PrefectureCode == "33" && m.Kind != Renkei.Web.Features.Regions.MunicipalityKind.Ward);
        Assert.NotEmpty(wards);
        // The list counts each round's answering municipalities (one query for all prefectures): 19 in 鳥取県.
        Assert.Matches($"<tr data-round=\"{okayama}\">(?:(?!</tr>).)*data-testid=\"submitted\">0 / {answering}</td>", all.ReplaceLineEndings(""));
        Assert.Matches($"<tr data-round=\"{tottori}\">(?:(?!</tr>).)*data-testid=\"submitted\">0 / 19</td>", all.ReplaceLineEndings(""));
        var page = await sys.GetPageAsync($"/progress/{okayama}");
        Assert.Contains($"（0 / {answering} 提出済）", page, StringComparison.Ordinal);
        Assert.Contains("data-muni=\"331007\"", page, StringComparison.Ordinal);
        Assert.All(wards, w => Assert.DoesNotContain($"data-muni=\"{w}\"", page, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync(AnswerUrl(okayama, wards[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sys.GetAsync($"/progress/{tottori}")).StatusCode);
    }
}
