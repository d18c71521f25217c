using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// One provider for professionals: each field with where it came from and as of when. Fields marked
/// internal are shown only to staff of the provider's municipality.
/// </summary>
public sealed class DetailsModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    /// <summary>The provider's latest survey and where it stands, for staff who run surveys.</summary>
    public (int SurveyId, string Title, string Status)? LatestSurvey { get; private set; }
    public Provider Provider { get; private set; } = null!;
    public string? MunicipalityName { get; private set; }
    public bool SeesInternal { get; private set; }
    public bool CanEdit { get; private set; }
    public List<Audit.AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var p = await db.Providers.AsNoTracking().Include(x => x.Identifiers).Include(x => x.Functions).Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == id);
        if (p is null) return NotFound();
        Provider = p;
        MunicipalityName = await db.Municipalities.Where(m => m.Code == p.MunicipalityCode).Select(m => m.Name).SingleOrDefaultAsync();
        SeesInternal = p.MunicipalityCode is not null && db.Scope.CanRead(p.MunicipalityCode);
        CanEdit = db.Scope.CanWrite(p.MunicipalityCode);
        History = await ProviderHistory.LoadAsync(db, p, 50, HttpContext.RequestAborted);
        _history = new ProviderHistory(p, SeesInternal, History);
        if (CanEdit && Accounts.StaffOnlyAttribute.Allows(User)) await LoadLatestSurvey(p.Id);
        return Page();
    }

    private async Task LoadLatestSurvey(int providerId)
    {
        var latest = await db.SurveyRecipients.AsNoTracking().Where(r => r.ProviderId == providerId).OrderByDescending(r => r.SurveyId)
            .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { Recipient = r, s.Id, s.Title, s.Deadline }).FirstOrDefaultAsync();
        if (latest is not null)
            LatestSurvey = (latest.Id, latest.Title, Surveys.SurveyStatus.Of(latest.Recipient, latest.Deadline, Platform.Time.JapanTime.TodayJst(clock)));
    }

    public bool Visible(string field) => Export.DirectoryEntries.Visible(Provider, field, SeesInternal);

    private ProviderHistory? _history;

    /// <summary>One history entry's changes in the words of the page (<see cref="ProviderHistory"/>).</summary>
    public IReadOnlyList<string> HistoryLines(Audit.AuditEntry entry) => _history!.Lines(entry);

    public string? Provenance(string field) => Provider.FieldMeta.TryGetValue(field, out var m)
        ? $"{m.Source.SourceName()}{(m.AsOf is { } d ? $"（{d:yyyy/MM/dd}時点）" : "")}{(m.HandEdited ? "・手修正" : "")}{(m.ConfirmedBy is { } c ? $"・確認 {c}" : "")}"
        : null;
}
