using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>One recorded adoption, and its removal (after confirmation) by whoever may record it: a wrong date is corrected by deleting and recording again.</summary>
public sealed class AdoptionModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    public AreaRuleAdoption Adoption { get; private set; } = null!;
    public AreaRule Rule { get; private set; } = null!;
    public AreaRuleVersion Version { get; private set; } = null!;
    public bool CanDelete => Db.Scope.CanWriteOnBehalf(Adoption.MunicipalityCode);

    public async Task<IActionResult> OnGetAsync(string areaCode, int id, CancellationToken ct) => await LoadAsync(areaCode, id, ct) ?? Page();

    public async Task<IActionResult> OnPostDeleteAsync(string areaCode, int id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        if (!CanDelete) return Forbid();
        Db.AreaRuleAdoptions.Remove(Adoption);
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = $"{MunicipalityName(Adoption.MunicipalityCode)}による「{Rule.Title}」{Version.Label}の採用の記録を削除しました。";
        return Redirect($"{AreaUrl}#rule-{Rule.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string areaCode, int id, CancellationToken ct)
    {
        if (await LoadAreaAsync(areaCode, ct) is { } stop) return stop;
        // Through the municipal filter: only those who read the municipality open its record here.
        if (await Db.AreaRuleAdoptions.SingleOrDefaultAsync(a => a.Id == id, ct) is not { } adoption) return NotFound();
        var version = await Db.AreaRuleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == adoption.VersionId, ct);
        var rule = version is null ? null : await Db.AreaRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version.RuleId && r.SecondaryAreaCode == areaCode, ct);
        if (rule is null) return NotFound();
        (Adoption, Version, Rule) = (adoption, version!, rule);
        return null;
    }
}
