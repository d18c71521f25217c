using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Renkei.Web.Features.Admin;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Audit;

/// <summary>
/// Audit log search for administrators (what each may see: <see cref="AuditAccess"/>), newest
/// first, with a CSV export of the same search and a printable view.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class AuditLogModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public AuditFilter Filter { get; private set; } = new();
    public List<string> Errors { get; private set; } = [];
    public List<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<int, string> OrganisationNames { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] AuditFilter filter, [FromQuery(Name = "p")] int? pageNumber)
    {
        Filter = filter;
        Errors = filter.Validate();
        // Names for the "対象" suggestions come from the model, not from scanning the log.
        EntityTypes = [.. db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Distinct().Order(StringComparer.Ordinal)];
        if (Errors.Count > 0) return;

        var query = Search(filter);
        Paging = new Paging(pageNumber, await query.CountAsync(), p => Link(filter.ToQuery().Append(Pair("p", p.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        Entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync();
        var orgIds = Entries.Select(e => e.ActorOrganisationId).OfType<int>().Distinct().ToList();
        OrganisationNames = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] AuditFilter filter)
    {
        var errors = filter.Validate();
        if (errors.Count > 0) return BadRequest(string.Join(" ", errors));
        // Who took a copy of the log, and of what, is itself worth knowing.
        await db.AuditAsync(AuditActions.Read, nameof(AuditEntry), details: "CSV出力: " + filter.Describe(), ct: HttpContext.RequestAborted);

        var stamp = JapanTime.ToJst(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"audit-log-{stamp}.csv" }.ToString();
        var rows = Search(filter).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).AsAsyncEnumerable();
        await AuditCsv.WriteAsync(Response.Body, rows, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public string CsvUrl => Link(Filter.ToQuery().Prepend(Pair("handler", "csv")));

    private static KeyValuePair<string, string?> Pair(string name, string value) => new(name, value);

    private static string Link(IEnumerable<KeyValuePair<string, string?>> query) => "/admin/audit" + QueryString.Create(query);

    private IQueryable<AuditEntry> Search(AuditFilter filter) =>
        filter.Apply(AuditAccess.Visible(db.AuditEntries.AsNoTracking(), AdminScope.Of(User), db.Scope));
}
