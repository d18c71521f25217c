using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca.Report;

/// <summary>
/// 事業報告: what a municipality did in one 年度 under each item （ア）〜（ク）, and where its indicators stand.
/// Everything is read from the modules' own records — nothing is typed twice — through the tenant filter.
/// One builder feeds the printable page, the one-page PDCA summary and the xlsx.
/// </summary>
public sealed class AnnualReport(RenkeiDb db, IndicatorResults indicators)
{
    public sealed record ItemSection(ProgramItem Item, string Arrangement, IReadOnlyList<string> Activities, IReadOnlyList<CountermeasureLine> Countermeasures);

    public sealed record CountermeasureLine(int Id, string Title, string? Owner, WorkStatus Status, EvaluationGrade? Evaluation, string? EvaluationText);

    public sealed record MeetingLine(DateOnly HeldOn, string Council, string Title, int Attendees);

    public sealed record Data(
        string MunicipalityCode, string MunicipalityName, FiscalYear Year, IReadOnlyList<ItemSection> Items, IReadOnlyList<MeetingLine> Meetings,
        IReadOnlyDictionary<WorkStatus, int> IssuesByStatus, int PlanStepsDone, IReadOnlyList<string> Decisions, IReadOnlyList<IndicatorResult> Indicators);

    public async Task<Data> BuildAsync(string municipalityCode, string municipalityName, int fiscalYear, CancellationToken ct = default)
    {
        var year = new FiscalYear(fiscalYear);
        var arrangements = await db.ItemArrangements.AsNoTracking().Where(a => a.MunicipalityCode == municipalityCode).ToDictionaryAsync(a => a.Item, ct);
        var contractorIds = arrangements.Values.Select(a => a.ContractorOrganisationId).OfType<int>().ToList();
        var contractors = await db.Organisations.AsNoTracking().Where(o => contractorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var measures = await db.Countermeasures.AsNoTracking().Include(c => c.Evaluations)
            .Where(c => c.MunicipalityCode == municipalityCode).ActiveIn(year).OrderBy(c => c.Item).ThenBy(c => c.Id).ToListAsync(ct);
        var meetings = await MeetingsAsync(municipalityCode, year, ct);
        var issues = await db.ProgramIssues.AsNoTracking().Where(i => i.MunicipalityCode == municipalityCode && i.FiscalYear == fiscalYear)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pdca = await db.PdcaYears.AsNoTracking().Include(y => y.Steps).Include(y => y.Decisions)
            .SingleOrDefaultAsync(y => y.MunicipalityCode == municipalityCode && y.FiscalYear == fiscalYear, ct);
        var results = (await indicators.ForMunicipalityAsync(municipalityCode, fiscalYear, ct))
            .Where(r => r.Target is not null || r.Result.HasValue).ToList();

        var items = new List<ItemSection>();
        foreach (var item in ProgramItems.All)
        {
            var activities = item switch
            {
                ProgramItem.A => await DirectoryActivitiesAsync(municipalityCode, year, ct),
                ProgramItem.I => IssueActivities(meetings, issues, pdca),
                _ => [],
            };
            var lines = measures.Where(c => c.Item == item).Select(c =>
            {
                var evaluation = c.Evaluations.SingleOrDefault(e => e.FiscalYear == fiscalYear);
                return new CountermeasureLine(c.Id, c.Title, c.Owner, c.Status, evaluation?.Achievement, evaluation?.Text);
            }).ToList();
            items.Add(new ItemSection(item, ArrangementText(arrangements.GetValueOrDefault(item), contractors), activities, lines));
        }
        return new Data(municipalityCode, municipalityName, year, items, meetings, issues,
            pdca?.Steps.Count(s => s.Done) ?? 0, pdca?.Decisions.OrderBy(d => d.Id).Select(d => d.Text).ToList() ?? [], results);
    }

    private static string ArrangementText(ItemArrangement? a, Dictionary<int, string> contractors) =>
        a is null ? "未登録"
        : a.Method.Japanese() + (a.ContractorOrganisationId is { } id && contractors.TryGetValue(id, out var name) ? $"（委託先：{name}）" : "")
            + (string.IsNullOrEmpty(a.Department) ? "" : $"　担当：{a.Department}");

    private async Task<List<MeetingLine>> MeetingsAsync(string municipalityCode, FiscalYear year, CancellationToken ct)
    {
        var rows = await db.Meetings.AsNoTracking().Where(m => m.MunicipalityCode == municipalityCode && m.HeldOn >= year.FirstDay && m.HeldOn <= year.LastDay)
            .OrderBy(m => m.HeldOn)
            .Select(m => new { m.HeldOn, Council = db.Councils.Where(c => c.Id == m.CouncilId).Select(c => c.Name).Single(), m.Title, Attendees = m.Attendance.Count })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MeetingLine(r.HeldOn, r.Council, r.Title, r.Attendees))];
    }

    /// <summary>（ア）: the directory as it stands, what was confirmed in the 年度, and surveys sent in it.</summary>
    private async Task<List<string>> DirectoryActivitiesAsync(string municipalityCode, FiscalYear year, CancellationToken ct)
    {
        var providers = db.Providers.AsNoTracking().Where(p => p.MunicipalityCode == municipalityCode && p.Listed);
        var byKind = await providers.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var confirmed = await providers.CountAsync(p => p.LastConfirmedOn >= year.FirstDay && p.LastConfirmedOn <= year.LastDay, ct);
        var (from, to) = (JapanTime.StartOfDayUtc(year.FirstDay), JapanTime.StartOfDayUtc(year.LastDay.AddDays(1)));
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.MunicipalityCode == municipalityCode && s.CreatedAtUtc >= from && s.CreatedAtUtc < to)
            .Select(s => new { Sent = s.Recipients.Count(r => r.SentAtUtc != null), Answered = s.Recipients.Count(r => r.AnsweredAtUtc != null) }).ToListAsync(ct);
        var lines = new List<string>
        {
            "資源名簿の掲載数：" + (byKind.Count == 0 ? "なし" : string.Join("、", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key.Japanese()} {k.Count:N0}件"))),
            $"この年度に内容を確認した資源：{confirmed:N0}件",
        };
        if (surveys.Count > 0) lines.Add($"調査：{surveys.Count}回（送付 {surveys.Sum(s => s.Sent):N0}件、回答 {surveys.Sum(s => s.Answered):N0}件）");
        return lines;
    }

    /// <summary>（イ）: meetings held, issues raised and the Plan checklist.</summary>
    private static List<string> IssueActivities(List<MeetingLine> meetings, Dictionary<WorkStatus, int> issues, PdcaYear? pdca) =>
    [
        $"会議の開催：{meetings.Count}回",
        "この年度に挙げた課題：" + (issues.Count == 0 ? "なし" : string.Join("、", issues.OrderBy(i => i.Key).Select(i => $"{i.Key.Japanese()} {i.Value}件"))),
        $"計画（Plan）①〜⑥：{pdca?.Steps.Count(s => s.Done) ?? 0}／6 完了",
    ];
}
