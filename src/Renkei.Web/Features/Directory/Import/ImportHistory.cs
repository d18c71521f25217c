using System.Globalization;
using System.Text.Json;
using Renkei.Web.Features.Audit;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Audit entries that give each provider a change history across imports: one per changed or
/// no-longer-listed provider, with the fields that changed. A first import's thousands of new rows are
/// not listed one by one; the run's own entry records them.
/// </summary>
public static class ImportHistory
{
    public const string Changed = "取込による更新";
    public const string Unlisted = "取込で掲載終了";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IEnumerable<AuditEntry> Entries(ImportPlan plan, DateTime atUtc, string? userName)
    {
        foreach (var change in plan.Changed)
        {
            var fields = change.Fields.Where(f => !f.KeptHandEdit).ToDictionary(f => f.Field, f => new[] { f.Old, f.New });
            yield return Entry(change.ProviderId, Changed, fields.Count == 0 ? $"{plan.File.FileName}: 機能の更新" : JsonSerializer.Serialize(fields, Json), atUtc, userName, change.Row.Fields.GetValueOrDefault("MunicipalityCode") ?? change.CurrentMunicipality);
        }
        foreach (var id in plan.NoLongerListed)
            yield return Entry(id, Unlisted, $"{plan.File.FileName} に掲載されていません", atUtc, userName, null);
    }

    private static AuditEntry Entry(int providerId, string action, string changes, DateTime atUtc, string? userName, string? municipality) => new()
    {
        AtUtc = atUtc,
        Action = action,
        EntityType = nameof(Provider),
        EntityKey = providerId.ToString(CultureInfo.InvariantCulture),
        Changes = changes,
        UserName = userName ?? "import",
        MunicipalityCode = municipality,
    };
}
