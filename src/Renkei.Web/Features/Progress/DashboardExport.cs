using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Downloads of the dashboard and the national view: every table in one xlsx, or one table as CSV
/// (/progress/{id}/dashboard/items.csv). Same access rules as the pages; exports are audited as reads.
/// </summary>
public static class DashboardExport
{
    public static void MapDashboardExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/progress").RequireAuthorization();
        group.MapGet("/{id:int}/dashboard/export.xlsx", async (int id, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            var (d, status) = await LoadAsync(db, http, id);
            if (d is null) return Refusal(status);
            await AuditAsync(db, http, "xlsx");
            return await SummaryExport.XlsxAsync(clock, BaseName(d), About(d), DashboardTables.All(d), http.RequestAborted);
        });
        group.MapGet("/{id:int}/dashboard/{table}.csv", async (int id, string table, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            var (d, status) = await LoadAsync(db, http, id);
            if (d is null) return Refusal(status);
            if (DashboardTables.All(d).FirstOrDefault(t => t.Key == table) is not { } t) return Results.NotFound();
            await AuditAsync(db, http, "CSV");
            return await SummaryExport.CsvAsync(clock, BaseName(d), t);
        });
        group.MapGet("/national/export.xlsx", async (DateOnly? asOf, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            if (!DashboardAccess.MayViewNational(db)) return Results.Forbid();
            var n = await NationalData.LoadAsync(db, asOf, http.RequestAborted);
            await AuditAsync(db, http, "xlsx");
            return await SummaryExport.XlsxAsync(clock, NationalName(n), NationalAbout(n), n.Tables(), http.RequestAborted);
        });
        group.MapGet("/national/{table}.csv", async (string table, DateOnly? asOf, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            if (!DashboardAccess.MayViewNational(db)) return Results.Forbid();
            var n = await NationalData.LoadAsync(db, asOf, http.RequestAborted);
            if (n.Tables().FirstOrDefault(t => t.Key == table) is not { } t) return Results.NotFound();
            await AuditAsync(db, http, "CSV");
            return await SummaryExport.CsvAsync(clock, NationalName(n), t);
        });
    }

    /// <summary>The dashboard's data, or null with the status to answer (404 / 403, see <see cref="DashboardAccess"/>).</summary>
    public static async Task<(DashboardData? Data, int Status)> LoadAsync(RenkeiDb db, HttpContext http, int id)
    {
        var (round, status) = await DashboardAccess.FindAsync(db, http.User, id, http.RequestAborted);
        return (round is null ? null : await DashboardData.LoadAsync(db, round, http.RequestAborted), status);
    }

    public static IResult Refusal(int status) => status == StatusCodes.Status403Forbidden ? Results.Forbid() : Results.NotFound();

    private static string BaseName(DashboardData d) => $"{(d.Round.IsSample ? "サンプル_" : "")}進捗調査集計_{d.PrefectureName}_{d.Round.AsOf:yyyyMMdd}";

    private static string NationalName(NationalData n) => $"{(n.IncludesSample ? "サンプル含む_" : "")}進捗調査集計_全国";

    public static IReadOnlyList<(string, string)> About(DashboardData d) =>
    [
        ("調査", d.Round.Title), ("都道府県", d.PrefectureName), ("時点", SummaryText.AsOf(d.Round.AsOf)), ("対象", d.Scope), ("集計対象", d.Counted),
        ("集計の方法", SummaryText.CountingRule), .. d.Round.IsSample ? new[] { ("サンプル", SummaryText.SampleNotice) } : [],
    ];

    public static IReadOnlyList<(string, string)> NationalAbout(NationalData n) =>
    [
        ("対象", $"{n.Rows.Count} 都道府県の最新の調査" + (n.AsOf is { } a ? $"（{SummaryText.AsOf(a)}までの調査）" : "")),
        ("集計対象", $"回答あり {n.Summary.Answered} / {n.Summary.Municipalities} 市町村（うち提出済 {n.Summary.Submitted}）"),
        ("集計の方法", SummaryText.CountingRule), .. n.IncludesSample ? new[] { ("サンプル", "サンプル（デモ用）の調査を含みます。" + SummaryText.SampleNotice) } : [],
    ];

    private static Task AuditAsync(RenkeiDb db, HttpContext http, string format) =>
        db.AuditAsync(AuditActions.Read, nameof(ProgressResponse), details: $"進捗調査集計 {format}出力: {http.Request.Path}{http.Request.QueryString}", ct: http.RequestAborted);
}
