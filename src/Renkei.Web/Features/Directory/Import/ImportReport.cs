using System.Text.Json;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>The stored report of an import: rejected rows, and per changed provider the fields that changed.</summary>
public static class ImportReport
{
    public sealed record Data(List<RejectedRow> Rejected, List<Changed> Changes, List<int> NoLongerListed);

    public sealed record Changed(int ProviderId, string Name, List<FieldChange> Fields, bool FunctionsChanged);

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string ToJson(ImportPlan plan) => JsonSerializer.Serialize(new Data([.. plan.File.Rejected], Changes(plan), [.. plan.NoLongerListed]), Options);

    public static List<Changed> Changes(ImportPlan plan) =>
        [.. plan.Changed.Select(c => new Changed(c.ProviderId, c.Row.Fields.GetValueOrDefault("Name") ?? c.CurrentName ?? "", [.. c.Fields], c.FunctionsChanged))];

    public static Data? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<Data>(json, Options);
}
