using Renkei.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Directory.Export;

/// <summary>
/// Downloads of a directory search (the /directory filters, every page) for signed-in users: CSV,
/// CSV in Shift_JIS, xlsx, and Open Referral HSDS.
/// </summary>
public static class DirectoryExportEndpoints
{
    public const string BaseName = "資源一覧";

    public static void MapDirectoryExport(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/directory/export").RequireAuthorization();
        export.MapGet("/csv", async ([AsParameters] DirectoryApi.ApiFilter f, [FromQuery] string? encoding, DirectoryEntries entries, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            var shiftJis = string.Equals(encoding, "sjis", StringComparison.OrdinalIgnoreCase);
            await AuditAsync(db, shiftJis ? "CSV（Shift_JIS）" : "CSV", http);
            Start(http, shiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", FileName(clock, "csv"));
            await DirectorySpreadsheet.WriteCsvAsync(http.Response.Body, entries.ReadAsync(f.ToFilter(), http.RequestAborted), shiftJis, http.RequestAborted);
        });
        export.MapGet("/xlsx", async ([AsParameters] DirectoryApi.ApiFilter f, DirectoryEntries entries, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            await AuditAsync(db, "Excel", http);
            Start(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(clock, "xlsx"));
            await DirectorySpreadsheet.WriteXlsxAsync(http.Response.Body, entries.ReadAsync(f.ToFilter(), http.RequestAborted), http.RequestAborted);
        });
        export.MapGet("/hsds", async ([AsParameters] DirectoryApi.ApiFilter f, HsdsExport hsds, TimeProvider clock, HttpContext http) =>
        {
            // Public data only: no audit entry needed, as for the residents' page.
            Start(http, "application/zip", FileName(clock, "zip", "_HSDS"));
            await hsds.WriteAsync(http.Response.Body, f.ToFilter(), http.RequestAborted);
        });
    }

    /// <summary>資源一覧_20261122.csv, dated in Japan time (the day the user sees on the calendar).</summary>
    public static string FileName(TimeProvider clock, string extension, string suffix = "") =>
        Download.DatedName(clock, BaseName + suffix, extension);

    private static void Start(HttpContext http, string contentType, string fileName) => Download.Start(http, contentType, fileName, "directory");

    // Professionals' contact details leaving the system in bulk: record who took which list.
    private static Task AuditAsync(RenkeiDb db, string format, HttpContext http) =>
        db.AuditAsync(AuditActions.Read, nameof(Provider), details: $"資源一覧 {format}出力: {http.Request.QueryString}", ct: http.RequestAborted);
}
