using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Councils;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// One area's workspace: its municipalities, the common rules and forms with the adoption matrix, the joint
/// meetings and the health centres' activities of a 年度. Every reader of the prefecture sees it (printable);
/// the prefecture office and health centres edit; a municipality records its own adoptions.
/// </summary>
public sealed class WorkspaceModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    public sealed record MeetingRow(JointMeeting Meeting, List<string> Participants, string? LinkTitle, bool LinkReadable);
    public sealed record ActivityRow(HealthCentreActivity Activity, string? HealthCentre);

    /// <summary>The 年度 of the activity list: a year, "all", or empty for the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }

    public int? SelectedYear { get; private set; }
    public List<int> YearOptions { get; private set; } = [];
    public List<RuleMatrix> Rules { get; private set; } = [];
    public List<MeetingRow> Meetings { get; private set; } = [];
    public List<ActivityRow> Activities { get; private set; } = [];

    /// <summary>Municipalities whose adoptions the caller records: its own, or those its prefecture office / health centre covers.</summary>
    public bool CanAdoptFor(string municipalityCode) => Db.Scope.CanWriteOnBehalf(municipalityCode);
    public bool CanAdopt => Municipalities.Any(m => CanAdoptFor(m.Code));

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken ct)
    {
        if (await LoadAreaAsync(areaCode, ct) is { } stop) return stop;
        SelectedYear = ParseYear(Year, CurrentYear);
        Rules = await RuleMatrix.LoadAsync(Db, [areaCode], ct);
        await LoadMeetingsAsync(ct);
        var years = await Db.HealthCentreActivities.Where(a => a.SecondaryAreaCode == areaCode).Select(a => a.FiscalYear).Distinct().ToListAsync(ct);
        YearOptions = [.. years.Append(CurrentYear).Append(SelectedYear ?? CurrentYear).Distinct().OrderDescending()];
        Activities = await ActivitiesAsync(Db, areaCode, SelectedYear, ct);
        return Page();
    }

    /// <summary>null for "all"; the current 年度 when nothing (or nothing sensible) was asked for.</summary>
    public static int? ParseYear(string? year, int current) =>
        year == "all" ? null
        : int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : current;

    public static async Task<List<ActivityRow>> ActivitiesAsync(RenkeiDb db, string areaCode, int? year, CancellationToken ct)
    {
        var query = db.HealthCentreActivities.AsNoTracking().Where(a => a.SecondaryAreaCode == areaCode);
        if (year is { } y) query = query.Where(a => a.FiscalYear == y);
        var list = await query.OrderByDescending(a => a.FiscalYear).ThenBy(a => a.HeldOn).ThenBy(a => a.Id).ToListAsync(ct);
        var ids = list.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value).Distinct().ToList();
        var centres = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. list.Select(a => new ActivityRow(a, a.OrganisationId is { } id ? centres.GetValueOrDefault(id) : null))];
    }

    private async Task LoadMeetingsAsync(CancellationToken ct)
    {
        var meetings = await Db.JointMeetings.AsNoTracking().Where(m => m.SecondaryAreaCode == Area.Code)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        foreach (var m in meetings)
        {
            // The minutes stay with the municipality that holds them: the link is shown only to those who may read them.
            var (linked, council, right) = m.MeetingId is { } id ? await CouncilAccess.FindMeetingAsync(Db, User, id, ct) : (null, null, CouncilRight.None);
            var readable = linked is not null && right != CouncilRight.None;
            Meetings.Add(new MeetingRow(m, [.. AreaText.Codes(m.ParticipantCodes).Select(MunicipalityName)],
                readable ? $"{council!.Name}：{linked!.Title}" : null, readable));
        }
    }
}
