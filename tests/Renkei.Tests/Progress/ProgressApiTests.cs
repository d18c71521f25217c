using System.Net;
using System.Text.Json;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;

namespace Renkei.Tests.Progress;

/// <summary>/api/progress: the same figures as the summary, with the access rules of the pages.</summary>
[Collection(AppCollection.Name)]
public sealed class ProgressApiTests(AppFixture app)
{
    [Fact]
    public async Task The_round_summary_json_equals_the_summary_and_the_hand_derived_counts()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        ProgressSummary expected;
        var (s, db) = app.Factory.SystemDb();
        await using (s) expected = (await DashboardData.LoadAsync(db, db.ProgressRounds.Single(r => r.Id == f.RoundId), CancellationToken.None)).Summary;

        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var json = JsonDocument.Parse(await pref.GetPageAsync($"/api/progress/rounds/{f.RoundId}/summary")).RootElement;
        Assert.Equal(f.RoundId, json.GetProperty("round").GetProperty("id").GetInt32());
        Assert.Equal("2037-08-01", json.GetProperty("round").GetProperty("asOf").GetString());
        Assert.Equal(SummaryText.CountingKey, json.GetProperty("counting").GetString());
        var summary = json.GetProperty("summary");
        Assert.Equal(f.N, summary.GetProperty("municipalities").GetInt32());
        Assert.Equal((4, 3, 2), (summary.GetProperty("answered").GetInt32(), summary.GetProperty("submitted").GetInt32(), summary.GetProperty("drafts").GetInt32()));
        Assert.Equal(3.5m, summary.GetProperty("average").GetDecimal());
        foreach (var (item, r, p, n) in DashboardTests.Expected)
        {
            var row = summary.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("item").GetString() == item.Slug());
            Assert.Equal((r, p, r + p, n, f.N - 4), (row.GetProperty("running").GetInt32(), row.GetProperty("planned").GetInt32(),
                row.GetProperty("runningOrPlanned").GetInt32(), row.GetProperty("notRunning").GetInt32(), row.GetProperty("unanswered").GetInt32()));
        }
        Assert.Equal(expected.Distribution, summary.GetProperty("distribution").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([0, 1, 1, 1, 0, 0, 0, 0, 1], summary.GetProperty("distribution").EnumerateArray().Select(x => x.GetInt32()));
        var bands = summary.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal(expected.Bands.Select(b => (b.Key, b.Municipalities, b.Answered)),
            bands.Select(b => (b.GetProperty("key").GetString()!, b.GetProperty("municipalities").GetInt32(), b.GetProperty("answered").GetInt32())));
        var areas = summary.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(expected.Areas.Select(a => (a.Key, a.Municipalities, a.Running[ProgramItem.A])),
            areas.Select(a => (a.GetProperty("key").GetString()!, a.GetProperty("municipalities").GetInt32(), a.GetProperty("running").GetProperty("a").GetInt32())));
        Assert.Equal((3, 1, 1, 1), (summary.GetProperty("stages").GetProperty("n").GetInt32(), summary.GetProperty("stages").GetProperty("stage1").GetInt32(),
            summary.GetProperty("stages").GetProperty("stage2").GetInt32(), summary.GetProperty("stages").GetProperty("stage3").GetInt32()));
        Assert.Equal(2, summary.GetProperty("training").GetProperty("kinds").GetProperty("GroupWork").GetInt32());
        Assert.Equal(3, summary.GetProperty("supportedAny").GetInt32());
        Assert.Contains(json.GetProperty("trend").EnumerateArray(), t => t.GetProperty("roundId").GetInt32() == f.RoundId && t.GetProperty("running").GetProperty("a").GetInt32() == 3);
    }

    [Fact]
    public async Task The_api_refuses_as_the_pages_do()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync($"/api/progress/rounds/{f.RoundId}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync("/api/progress/national")).StatusCode);
        using var shimane = await WebSession.SignInAsync(app.Factory, "shimane-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync($"/api/progress/rounds/{f.RoundId}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync("/api/progress/rounds/999999/summary")).StatusCode);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync("/api/progress/national")).StatusCode);
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var json = JsonDocument.Parse(await hc.GetPageAsync($"/api/progress/rounds/{f.RoundId}/summary")).RootElement;
        Assert.Equal(1, json.GetProperty("summary").GetProperty("municipalities").GetInt32());
        Assert.Equal(f.N, json.GetProperty("prefectureMunicipalities").GetInt32());
    }
}
