using Renkei.Web.Platform.Web;
using Microsoft.Net.Http.Headers;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Directory.Export;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>Downloads of the contact roster (same filters as /directory/contacts, every page): CSV (UTF-8 with BOM) and xlsx.</summary>
public static class ContactRosterExport
{
    public const string BaseName = "入退院連絡窓口一覧";

    public static void MapContactRosterExport(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/directory/contacts/export").RequireAuthorization();
        export.MapGet("/csv", async ([AsParameters] RosterFilter f, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            await AuditAsync(db, "CSV", http);
            var names = await ContactRoster.MunicipalityNamesAsync(db, http.RequestAborted);
            Start(http, "text/csv; charset=utf-8", clock, "csv");
            await using var csv = new CsvWriter(http.Response.Body);
            await csv.WriteRowAsync(RosterRow.Header);
            await foreach (var row in ContactRoster.ReadAsync(db, f, http.RequestAborted)) await csv.WriteRowAsync(row.Cells(names));
        });
        export.MapGet("/xlsx", async ([AsParameters] RosterFilter f, RenkeiDb db, TimeProvider clock, HttpContext http) =>
        {
            await AuditAsync(db, "Excel", http);
            var names = await ContactRoster.MunicipalityNamesAsync(db, http.RequestAborted);
            var rows = new List<IReadOnlyList<string?>>();
            await foreach (var row in ContactRoster.ReadAsync(db, f, http.RequestAborted)) rows.Add(row.Cells(names));
            using var table = XlsxTable.Of(BaseName, RosterRow.Header, rows);
            Start(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", clock, "xlsx");
            await XlsxTable.WriteAsync(http.Response.Body, http.RequestAborted, table);
        });
    }

    private static void Start(HttpContext http, string contentType, TimeProvider clock, string extension) =>
        Download.Start(http, contentType, Download.DatedName(clock, BaseName, extension), "contacts");

    // Named people's phone numbers and addresses leaving the system in bulk: record who took which list.
    private static Task AuditAsync(RenkeiDb db, string format, HttpContext http) =>
        db.AuditAsync(AuditActions.Read, nameof(ProviderContact), details: $"{BaseName} {format}出力: {http.Request.QueryString}", ct: http.RequestAborted);
}
