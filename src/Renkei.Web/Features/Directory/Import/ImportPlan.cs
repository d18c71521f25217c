namespace Renkei.Web.Features.Directory.Import;

public sealed record FieldChange(string Field, string? Old, string? New, bool KeptHandEdit);

public sealed record PlannedChange(ImportedProvider Row, int ProviderId, IReadOnlyList<FieldChange> Fields, bool FunctionsChanged, bool Attach = false)
{
    /// <summary>The provider's name and municipality now, for reports, when the row does not carry them (an updates-only file).</summary>
    public string? CurrentName { get; init; }
    public string? CurrentMunicipality { get; init; }
}

/// <summary>
/// The diff between a file and the directory, computed before anything is written. A change with
/// <see cref="PlannedChange.Attach"/> joins a provider already known from another source (see <see cref="SourceMatcher"/>);
/// <see cref="Uncertain"/> pairs a new row with a provider it may duplicate, for staff to review after the import.
/// </summary>
public sealed record ImportPlan(
    ImportFile File,
    IReadOnlyList<ImportedProvider> New,
    IReadOnlyList<PlannedChange> Changed,
    int Unchanged,
    IReadOnlyList<int> NoLongerListed,
    IReadOnlyList<UncertainMatch> Uncertain)
{
    /// <summary>The last line the command prints: "imported: N new, M changed, K unchanged, R rejected".</summary>
    public string Summary => SummaryOf(New.Count, Changed.Count, Unchanged, File.Rejected.Count);

    /// <summary>The same line for several files imported together: their counts added up.</summary>
    public static string Total(IEnumerable<ImportPlan> plans)
    {
        var all = plans.ToList();
        return SummaryOf(all.Sum(p => p.New.Count), all.Sum(p => p.Changed.Count), all.Sum(p => p.Unchanged), all.Sum(p => p.File.Rejected.Count));
    }

    private static string SummaryOf(int created, int changed, int unchanged, int rejected) =>
        $"imported: {created} new, {changed} changed, {unchanged} unchanged, {rejected} rejected";
}
