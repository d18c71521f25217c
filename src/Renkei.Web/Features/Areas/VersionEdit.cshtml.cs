using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Councils;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// Adds a version (第1版, 第2版…) of a rule or form, or corrects one, with its document if any. A version has no
/// version stamp of its own: a correction checks the rule's, so two people correcting at once do not overwrite each other.
/// </summary>
[RequestSizeLimit(AttachmentOptions.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentOptions.HardLimitBytes)]
public sealed class VersionEditModel(RenkeiDb db, TimeProvider clock, IConfiguration config) : AreaPage(db, clock)
{
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Changes { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool RemoveDocument { get; set; }
    [BindProperty] public long RuleVersion { get; set; }

    public AreaRule Rule { get; private set; } = null!;
    public AreaRuleVersion? Existing { get; private set; }
    public long MaxBytes => AttachmentOptions.MaxBytes(config);

    public async Task<IActionResult> OnGetAsync(string areaCode, int ruleId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ruleId, id, ct) is { } stop) return stop;
        RuleVersion = Rule.Version;
        if (Existing is { } v) (Label, EffectiveFrom, Changes) = (v.Label, v.EffectiveFrom, v.Changes);
        else (Label, EffectiveFrom) = (AreaText.VersionLabel(await Db.AreaRuleVersions.CountAsync(x => x.RuleId == ruleId, ct) + 1), Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string areaCode, int ruleId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ruleId, id, ct) is { } stop) return stop;
        Label = AreaText.Clean(Label);
        CheckLength(nameof(Label), "版", Label, 50, required: true);
        CheckDate(nameof(EffectiveFrom), "施行日", EffectiveFrom, required: true);
        CheckLength(nameof(Changes), "主な変更点", Changes, 4000);
        if (Label is not null && await Db.AreaRuleVersions.AnyAsync(v => v.RuleId == ruleId && v.Label == Label && v.Id != (id ?? 0), ct))
            ModelState.AddModelError(nameof(Label), DuplicateLabel);
        CheckedUpload? document = null;
        if (Upload is not null) // a file with no bytes is refused by the check, not skipped
        {
            var (read, error) = await CheckedUpload.ReadAsync(Upload, MaxBytes, "登録", ct);
            if (error is not null) ModelState.AddModelError(nameof(Upload), error);
            document = read;
        }
        if (!ModelState.IsValid) return Page();

        var version = Existing ?? new AreaRuleVersion
        {
            RuleId = ruleId, PrefectureCode = Rule.PrefectureCode, Label = "",
            CreatedAtUtc = Clock.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name,
        };
        if (Existing is not null)
        {
            // A correction is checked against the rule the user saw (touching the rule makes the save compare its version).
            Db.Entry(Rule).Property(r => r.Version).OriginalValue = RuleVersion;
            Rule.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            Rule.UpdatedBy = User.Identity?.Name;
        }
        (version.Label, version.EffectiveFrom, version.Changes) = (Label!, EffectiveFrom!.Value, AreaText.Clean(Changes));
        if (RemoveDocument && document is null) (version.FileName, version.ContentType, version.FileSize, version.Sha256) = (null, null, null, null);
        document?.DescribeOn(version);
        // The content row needs the version's id: two saves in one transaction, so neither exists without the other.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        if (Existing is null) Db.AreaRuleVersions.Add(version);
        try
        {
            if (!await TrySaveAsync(ct)) return Page();
        }
        catch (DbUpdateException e) when (Concurrency.IsDuplicateKey(e))
        {
            ModelState.AddModelError(nameof(Label), DuplicateLabel);
            return Page();
        }
        var content = await Db.AreaDocumentContents.SingleOrDefaultAsync(c => c.VersionId == version.Id, ct);
        if (document is not null)
        {
            if (content is null) Db.AreaDocumentContents.Add(new AreaDocumentContent { VersionId = version.Id, Bytes = document.Bytes });
            else content.Bytes = document.Bytes;
        }
        else if (RemoveDocument && content is not null) Db.AreaDocumentContents.Remove(content);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"「{Rule.Title}」の{version.Label}を保存しました。{(document is null ? "" : $"文書「{document.FileName}」を登録しました。")}";
        return Redirect($"{AreaUrl}#rule-{ruleId}");
    }

    private string DuplicateLabel => $"「{Label}」はこのルール・様式にすでにあります。別の版名（例：{AreaText.VersionLabel(Rule.Versions.Count + 1)}）にしてください。";

    private async Task<IActionResult?> LoadAsync(string areaCode, int ruleId, int? id, CancellationToken ct)
    {
        if (await LoadForEditAsync(areaCode, ct) is { } stop) return stop;
        if (await Db.AreaRules.Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == ruleId && r.SecondaryAreaCode == areaCode, ct) is not { } rule) return NotFound();
        Rule = rule;
        if (id is not null && (Existing = rule.Versions.SingleOrDefault(v => v.Id == id)) is null) return NotFound();
        return null;
    }
}
