using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Downloads (series, comparison, import template) and the JSON API of the indicators. Every route checks
/// that the caller may read the municipality; values of other municipalities are hidden by the tenant filter.
/// </summary>
public static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/indicators").RequireAuthorization();
        pages.MapGet("/{id:int}/export.{format:regex(^(csv|xlsx)$)}", async (int id, string format, string muni, RenkeiDb db, IndicatorResults results, TimeProvider clock, HttpContext http) =>
        {
            if (await Find(db, id, muni) is not { } indicator) return await Readable(db, muni) ? Results.NotFound() : Results.Forbid();
            var series = await results.SeriesAsync(indicator, muni, http.RequestAborted);
            await db.AuditAsync(AuditActions.Read, nameof(DataValue), details: $"指標 {indicator.Code} 推移 {format} 出力 {muni}", ct: http.RequestAborted);
            await IndicatorDownloads.WriteAsync(http, clock, $"指標_{indicator.Name}_{muni}", format, SeriesHeader, series.Select(r => SeriesRow(r, muni)));
            return Results.Empty;
        });
        pages.MapGet("/{id:int}/compare/export.{format:regex(^(csv|xlsx)$)}", async (int id, string format, string muni, int? year, RenkeiDb db, IndicatorResults results, TimeProvider clock, HttpContext http) =>
        {
            if (await Find(db, id, muni) is not { } indicator) return await Readable(db, muni) ? Results.NotFound() : Results.Forbid();
            var fy = year ?? results.CurrentFiscalYear;
            var rows = await results.ComparisonAsync(indicator, muni, fy, http.RequestAborted);
            await IndicatorDownloads.WriteAsync(http, clock, $"指標比較_{indicator.Name}_{fy}", format,
                ["団体コード", "市区町村", "年度", "指標コード", "指標名", "単位", "値", "状態", "75歳以上人口"],
                rows.Select(r => new object?[] { r.Code, r.Name, Wareki.FormatFiscalYear(fy), indicator.Code, indicator.Name, indicator.Unit,
                    r.Hidden ? null : IndicatorDownloads.Number(r.Result.Value), r.Hidden ? "非公開" : r.Result.HasValue ? "" : r.Result.Display(), IndicatorDownloads.Number(r.Population75Plus) }));
            return Results.Empty;
        });
        pages.MapGet("/import/template.{format:regex(^(csv|xlsx)$)}", async (string format, string muni, int? year, RenkeiDb db, IndicatorResults results, TimeProvider clock, HttpContext http) =>
        {
            if (!StaffOnlyAttribute.Allows(http.User) || !db.Scope.CanWrite(muni)) return Results.Forbid();
            var fy = year ?? results.CurrentFiscalYear;
            var elements = await db.DataElements.AsNoTracking().Where(e => e.Kind == ElementKind.Manual && (e.MunicipalityCode == null || e.MunicipalityCode == muni))
                .OrderBy(e => e.MunicipalityCode != null).ThenBy(e => e.Id).ToListAsync(http.RequestAborted);
            // 項目名 is for the reader only: the import reads the first five columns.
            await IndicatorDownloads.WriteAsync(http, clock, "指標取込ひな形", format, [.. ValueImport.Header, "項目名（参考・取り込みません）"],
                elements.Select(e => new object?[] { muni, fy.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code, null, null, $"{e.Name}（{e.Unit}）" }));
            return Results.Empty;
        });

        var api = app.MapGroup("/api/indicators").RequireAuthorization();
        api.MapGet("", async (string muni, int? year, RenkeiDb db, IndicatorResults results, HttpContext http) =>
        {
            if (!await Readable(db, muni)) return Results.Forbid();
            var fy = year ?? results.CurrentFiscalYear;
            var list = await results.ForMunicipalityAsync(muni, fy, http.RequestAborted);
            return Results.Ok(new { municipality = muni, fiscalYear = fy, indicators = list.Select(Json) });
        });
        api.MapGet("/{id:int}/series", async (int id, string muni, RenkeiDb db, IndicatorResults results, HttpContext http) =>
        {
            if (await Find(db, id, muni) is not { } indicator) return await Readable(db, muni) ? Results.NotFound() : Results.Forbid();
            return Results.Ok((await results.SeriesAsync(indicator, muni, http.RequestAborted)).Select(Json));
        });
        api.MapGet("/{id:int}/comparison", async (int id, string muni, int? year, RenkeiDb db, IndicatorResults results, HttpContext http) =>
        {
            if (await Find(db, id, muni) is not { } indicator) return await Readable(db, muni) ? Results.NotFound() : Results.Forbid();
            var fy = year ?? results.CurrentFiscalYear;
            var rows = await results.ComparisonAsync(indicator, muni, fy, http.RequestAborted);
            return Results.Ok(rows.Select(r => new
            {
                code = r.Code, name = r.Name, self = r.IsSelf, prefecture = r.IsPrefecture, hidden = r.Hidden,
                value = r.Hidden ? null : r.Result.Value, status = r.Hidden ? "hidden" : Status(r.Result), population75Plus = r.Population75Plus,
            }));
        });
    }

    private static readonly string[] SeriesHeader = ["団体コード", "年度", "年度（和暦）", "指標コード", "指標名", "単位", "実績", "状態", "分子", "分母", "目標", "評価", "サンプル", "出典"];

    private static object?[] SeriesRow(IndicatorResult r, string muni) =>
    [
        muni, r.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), r.YearText, r.Indicator.Code, r.Indicator.Name, r.Indicator.Unit,
        IndicatorDownloads.Number(r.Result.Value), r.Result.HasValue ? "" : r.Result.Display(), IndicatorDownloads.Number(r.Numerator.Value),
        IndicatorDownloads.Number(r.Denominator?.Value), IndicatorDownloads.Number(r.Target?.Value), IndicatorResult.Japanese(r.Achievement),
        r.IsSample || r.Target?.IsSample == true ? "サンプル" : "", r.Provenance,
    ];

    private static object Json(IndicatorResult r) => new
    {
        id = r.Indicator.Id, code = r.Indicator.Code, name = r.Indicator.Name, type = r.Indicator.Type.ToString(), category = r.Indicator.Category,
        unit = r.Indicator.Unit, fiscalYear = r.FiscalYear, value = r.Result.Value, status = Status(r.Result),
        numerator = r.Numerator.Value, denominator = r.Denominator?.Value, target = r.Target?.Value,
        achievement = r.Achievement.ToString(), sample = r.IsSample || r.Target?.IsSample == true, provenance = r.Provenance,
    };

    private static string Status(FormulaResult r) => r.Status switch
    {
        FormulaStatus.Value => "value",
        FormulaStatus.DivisionByZero => "divisionByZero",
        _ => "missing",
    };

    private static async Task<bool> Readable(RenkeiDb db, string muni) =>
        db.Scope.CanRead(muni) && await db.Municipalities.AnyAsync(m => m.Code == muni);

    /// <summary>The indicator when the caller may read the municipality and the indicator is in its catalogue.</summary>
    private static async Task<Indicator?> Find(RenkeiDb db, int id, string muni) =>
        await Readable(db, muni)
            ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && (i.MunicipalityCode == null || i.MunicipalityCode == muni))
            : null;
}
