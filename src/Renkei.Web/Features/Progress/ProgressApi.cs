using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// JSON of the progress summaries, with the access rules of the pages (404 for another prefecture's round,
/// 403 for municipal users and, on the national figures, for all but system admins). Registers the dashboard
/// downloads too, so the module is mapped by one line.
/// </summary>
public static class ProgressApi
{
    public static void MapProgressApi(this IEndpointRouteBuilder app)
    {
        app.MapDashboardExports();
        var api = app.MapGroup("/api/progress").RequireAuthorization();
        api.MapGet("/rounds/{id:int}/summary", async (int id, RenkeiDb db, HttpContext http) =>
        {
            var (d, status) = await DashboardExport.LoadAsync(db, http, id);
            if (d is null) return DashboardExport.Refusal(status);
            return Results.Ok(new
            {
                round = new { id = d.Round.Id, title = d.Round.Title, prefectureCode = d.Round.PrefectureCode, asOf = d.Round.AsOf, sample = d.Round.IsSample },
                counting = SummaryText.CountingKey,
                prefectureMunicipalities = d.PrefectureSize,
                summary = Json(d.Summary),
                trend = d.Trend.Select(t => new
                {
                    roundId = t.Round.Id, title = t.Round.Title, asOf = t.Round.AsOf, answered = t.Summary.Answered, average = t.Summary.Average,
                    running = ProgramItems.All.ToDictionary(i => i.Slug(), i => t.Summary.Of(i).Running),
                }),
            });
        });
        api.MapGet("/national", async (DateOnly? asOf, RenkeiDb db, HttpContext http) =>
        {
            if (!DashboardAccess.MayViewNational(db)) return Results.Forbid();
            var n = await NationalData.LoadAsync(db, asOf, http.RequestAborted);
            return Results.Ok(new
            {
                asOf = n.AsOf,
                counting = SummaryText.CountingKey,
                prefectures = n.Rows.Select(r => new
                {
                    code = r.PrefectureCode, name = r.PrefectureName,
                    round = new { id = r.Round.Id, title = r.Round.Title, asOf = r.Round.AsOf, sample = r.Round.IsSample },
                    summary = Json(r.Summary),
                }),
                national = Json(n.Summary),
            });
        });
    }

    /// <summary>The figures of a summary under English keys; items by their slug (a, i, u, e, o, ka, ki, ku).</summary>
    public static object Json(ProgressSummary s) => new
    {
        municipalities = s.Municipalities, answered = s.Answered, submitted = s.Submitted, drafts = s.Drafts, notAnswered = s.NotAnswered,
        average = s.Average,
        items = s.Items.Select(c => new
        {
            item = c.Item!.Value.Slug(), label = c.Item.Value.Label(), running = c.Running, planned = c.Planned, runningOrPlanned = c.RunningOrPlanned,
            notRunning = c.NotRunning, unanswered = c.Unanswered, commissioned = c.Commissioned, supported = c.Supported,
        }),
        distribution = s.Distribution,
        bands = s.Bands.Select(Group),
        areas = s.Areas.Select(Group),
        stages = new { n = s.Stages.Base, stage1 = s.Stages.Stage1, stage2 = s.Stages.Stage2, stage3 = s.Stages.Stage3, missing = s.Stages.Missing },
        training = new { n = s.Training.Base, kinds = s.Training.Running.ToDictionary(k => k.Key.ToString(), k => k.Value) },
        supportedAny = s.SupportedAny,
    };

    private static object Group(GroupRow g) => new
    {
        key = g.Key, name = g.Name, municipalities = g.Municipalities, answered = g.Answered, average = g.Average,
        distribution = g.Distribution, running = ProgramItems.All.ToDictionary(i => i.Slug(), i => g.Running[i]),
    };
}
