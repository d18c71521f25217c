using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Progress;

/// <summary>What Renkei's own records suggest for one item, and the evidence to show beside it.</summary>
public sealed record Proposal(ProgramItem Item, ItemStatus Status, PdcaStage Stage, bool Commissioned, string? CommissionedTo, string? Evidence)
{
    public ItemInput ToInput() => new() { Item = Item, Status = Status, Stage = Stage, Commissioned = Commissioned, CommissionedTo = CommissionedTo };
}

/// <summary>
/// Proposes answers for a municipality that has not answered yet, from what Renkei already records in the 年度 of
/// the round's 基準日: （ア） running when the resource directory was confirmed, （イ） running with its stage from the
/// councils and the PDCA registers, and 委託 from each item's arrangement. Only a proposal: the page says so, the
/// user saves it, and the evidence is kept with the answer. An item with no evidence stays 未回答 (nothing is guessed).
/// Reads through the tenant filter: the caller must read the municipality, which every page asking for this checks.
/// </summary>
public sealed class ProgressPrefill(RenkeiDb db)
{
    public async Task<Dictionary<ProgramItem, Proposal>> ProposeAsync(string municipalityCode, DateOnly asOf, CancellationToken ct = default)
    {
        var year = FiscalYear.Of(asOf);
        var directory = await DirectoryAsync(municipalityCode, year, ct);
        var councils = await CouncilsAsync(municipalityCode, year, ct);
        var arrangements = await ArrangementsAsync(municipalityCode, ct);
        var result = new Dictionary<ProgramItem, Proposal>();
        foreach (var item in ProgramItems.All)
        {
            var (status, stage, evidence) = item switch
            {
                ProgramItem.A => directory,
                ProgramItem.I => councils,
                _ => (ItemStatus.Unanswered, PdcaStage.None, null),
            };
            var (commissioned, to, arranged) = arrangements.GetValueOrDefault(item);
            var text = string.Join("／", new[] { evidence, arranged }.Where(t => t is not null));
            result[item] = new Proposal(item, status, stage, commissioned, to, text.Length == 0 ? null : text);
        }
        return result;
    }

    /// <summary>（ア）: providers of the municipality still listed, and how many of them someone confirmed in the 年度.</summary>
    private async Task<(ItemStatus, PdcaStage, string?)> DirectoryAsync(string municipalityCode, FiscalYear year, CancellationToken ct)
    {
        var (first, last) = (year.FirstDay, year.LastDay);
        var providers = db.Providers.AsNoTracking().Where(p => p.MunicipalityCode == municipalityCode && p.Listed);
        var total = await providers.CountAsync(ct);
        var confirmed = await providers.CountAsync(p => p.LastConfirmedOn >= first && p.LastConfirmedOn <= last, ct);
        if (confirmed == 0) return (ItemStatus.Unanswered, PdcaStage.None, null);
        return (ItemStatus.Running, PdcaStage.None, $"資源一覧：{year}に確認済み {confirmed:N0}件（全 {total:N0}件）");
    }

    /// <summary>
    /// （イ）: meetings held and the PDCA registers of the 年度. Any of them shows the item running; the stage is the
    /// furthest step recorded (seed 002): 3 when countermeasures were evaluated, 2 when there are countermeasures,
    /// otherwise 1 (issues being extracted, or at least a meeting that discusses them).
    /// </summary>
    private async Task<(ItemStatus, PdcaStage, string?)> CouncilsAsync(string municipalityCode, FiscalYear year, CancellationToken ct)
    {
        var (first, last, fy) = (year.FirstDay, year.LastDay, year.StartYear);
        var meetings = await db.Meetings.AsNoTracking().CountAsync(m => m.MunicipalityCode == municipalityCode && m.HeldOn >= first && m.HeldOn <= last, ct);
        var issues = await db.ProgramIssues.AsNoTracking().CountAsync(i => i.MunicipalityCode == municipalityCode && i.FiscalYear == fy, ct);
        var measures = await db.Countermeasures.AsNoTracking().Where(c => c.MunicipalityCode == municipalityCode).ActiveIn(year).CountAsync(ct);
        var evaluations = await db.CountermeasureEvaluations.AsNoTracking().CountAsync(e => e.MunicipalityCode == municipalityCode && e.FiscalYear == fy, ct);
        if (meetings + issues + measures + evaluations == 0) return (ItemStatus.Unanswered, PdcaStage.None, null);
        var stage = evaluations > 0 ? PdcaStage.Stage3 : measures > 0 ? PdcaStage.Stage2 : PdcaStage.Stage1;
        return (ItemStatus.Running, stage, $"協議会・PDCA：{year}の会議 {meetings}回、課題 {issues}件、対応策 {measures}件、評価 {evaluations}件");
    }

    /// <summary>委託 for every item from how the municipality recorded running it (直営・委託・一部委託 and the contractor).</summary>
    private async Task<Dictionary<ProgramItem, (bool Commissioned, string? To, string? Evidence)>> ArrangementsAsync(string municipalityCode, CancellationToken ct)
    {
        var rows = await db.ItemArrangements.AsNoTracking()
            .Where(a => a.MunicipalityCode == municipalityCode && (a.Method == DeliveryMethod.Commissioned || a.Method == DeliveryMethod.Partly))
            .Select(a => new
            {
                a.Item, a.Method,
                Contractor = db.Organisations.Where(o => o.Id == a.ContractorOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Item, r => (true, r.Contractor,
            (string?)($"事業の実施体制：{r.Method.Japanese()}" + (r.Contractor is null ? "（委託先は未登録）" : $"（委託先：{r.Contractor}）"))));
    }
}
