using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// Records that a municipality adopted a version of a common rule or form (「第2版を採用」). A municipality records
/// its own; the prefecture office, or a health centre for the municipalities it covers, may record it on their
/// behalf (IPrefectureProxy, ADR 12). One adoption per version and municipality.
/// </summary>
public sealed class AdoptModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    [BindProperty(SupportsGet = true, Name = "version")] public int? VersionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "muni")] public string? MunicipalityCode { get; set; }
    [BindProperty] public DateOnly? AdoptedOn { get; set; }
    [BindProperty] public string? Note { get; set; }

    public AreaRule Rule { get; private set; } = null!;
    public List<AreaRuleVersion> Versions { get; private set; } = [];
    public List<AreaMunicipality> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string areaCode, int ruleId, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ruleId, ct) is { } stop) return stop;
        VersionId = Versions.Any(v => v.Id == VersionId) ? VersionId : Versions[0].Id;
        if (Choices.All(m => m.Code != MunicipalityCode)) MunicipalityCode = Choices.FirstOrDefault(m => m.Code == User.GetMunicipalityCode())?.Code ?? Choices[0].Code;
        AdoptedOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string areaCode, int ruleId, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ruleId, ct) is { } stop) return stop;
        // A municipality of the area the caller may not record for is refused outright, not re-asked.
        if (MunicipalityCode is not null && Municipalities.Any(m => m.Code == MunicipalityCode) && Choices.All(m => m.Code != MunicipalityCode)) return Forbid();
        var version = Versions.SingleOrDefault(v => v.Id == VersionId);
        if (version is null) ModelState.AddModelError("version", "採用した版を一覧から選んでください。");
        if (Choices.All(m => m.Code != MunicipalityCode)) ModelState.AddModelError("muni", "市町村を一覧から選んでください。");
        CheckDate(nameof(AdoptedOn), "採用日", AdoptedOn, required: true);
        CheckLength(nameof(Note), "備考", Note, 1000);
        if (ModelState.IsValid && await Db.AreaRuleAdoptions.AsNoTracking()
                .SingleOrDefaultAsync(a => a.VersionId == VersionId && a.MunicipalityCode == MunicipalityCode, ct) is { } existing)
            ModelState.AddModelError("", Duplicate(version!, existing.AdoptedOn));
        if (!ModelState.IsValid) return Page();

        var adoption = Db.AreaRuleAdoptions.Add(new AreaRuleAdoption
        {
            VersionId = version!.Id, MunicipalityCode = MunicipalityCode!, AdoptedOn = AdoptedOn!.Value, Note = AreaText.Clean(Note),
            RecordedAtUtc = Clock.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name,
        }).Entity;
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Concurrency.IsDuplicateKey(e))
        {
            // Someone recorded the same adoption a moment earlier.
            Db.Entry(adoption).State = EntityState.Detached;
            ModelState.AddModelError("", Duplicate(version, AdoptedOn.Value));
            return Page();
        }
        TempData["Message"] = $"{MunicipalityName(adoption.MunicipalityCode)}による「{Rule.Title}」{version.Label}の採用（{Platform.Time.Wareki.FormatDate(adoption.AdoptedOn)}）を記録しました。";
        return Redirect($"{AreaUrl}#rule-{Rule.Id}");
    }

    private string Duplicate(AreaRuleVersion version, DateOnly adoptedOn) =>
        $"{MunicipalityName(MunicipalityCode!)}による{version.Label}の採用は、すでに記録されています（採用日 {Platform.Time.Wareki.FormatDate(adoptedOn)}）。採用日を直すときは、記録を削除してから登録し直してください。";

    private async Task<IActionResult?> LoadAsync(string areaCode, int ruleId, CancellationToken ct)
    {
        if (await LoadAreaAsync(areaCode, ct) is { } stop) return stop;
        if (await Db.AreaRules.AsNoTracking().Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == ruleId && r.SecondaryAreaCode == areaCode, ct) is not { } rule) return NotFound();
        Rule = rule;
        Versions = [.. rule.Versions.OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id)];
        Choices = [.. Municipalities.Where(m => Db.Scope.CanWriteOnBehalf(m.Code))];
        if (Choices.Count == 0) return Forbid();
        return Versions.Count == 0 ? NotFound() : null;
    }
}
