namespace Renkei.Web.Features.Regions;

/// <summary>
/// Public JSON API over the region hierarchy (reference data, no personal data, no login):
/// prefecture → 二次医療圏 → municipality with population figures.
/// </summary>
public static class RegionApi
{
    public static void MapRegionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").AllowAnonymous();
        api.MapGet("/prefectures", async (RegionQueries q, CancellationToken ct) => Results.Ok(await q.PrefecturesAsync(ct)));
        api.MapGet("/prefectures/{code}", async (string code, RegionQueries q, CancellationToken ct) =>
        {
            var pref = await q.PrefectureAsync(code, ct);
            if (pref is null) return NotFound($"都道府県コード「{code}」はありません。");
            return Results.Ok(new { pref.Code, pref.Name, pref.Kana, secondaryAreas = await q.AreasAsync(code, ct) });
        });
        api.MapGet("/areas/{code}", async (string code, RegionQueries q, CancellationToken ct) =>
        {
            var area = await q.AreaAsync(code, ct);
            if (area is null) return NotFound($"二次医療圏コード「{code}」はありません。");
            var members = await q.MunicipalitiesAsync(m => m.SecondaryAreaCode == code && m.Kind != MunicipalityKind.DesignatedCity, ct);
            return Results.Ok(new { area.Code, area.Name, area.PrefectureCode, figures = RegionQueries.Sum(members), municipalities = members });
        });
        api.MapGet("/municipalities/{code}", async (string code, RegionQueries q, CancellationToken ct) =>
        {
            if (LocalGovernmentCode.Problem(code) is { } problem) return Results.BadRequest(new { error = problem });
            var m = await q.MunicipalityAsync(code, ct);
            return m is null ? NotFound($"団体コード「{code}」の市区町村はありません。") : Results.Ok(m);
        });
    }

    private static IResult NotFound(string message) => Results.NotFound(new { error = message });
}
