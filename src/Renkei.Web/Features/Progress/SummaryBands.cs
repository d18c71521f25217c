namespace Renkei.Web.Features.Progress;

/// <summary>A population-size band; <see cref="Min"/> inclusive, <see cref="Max"/> exclusive.</summary>
public sealed record PopulationBand(string Key, string Label, int? Min, int? Max);

/// <summary>
/// The population-size bands of the tables: the breaks officials use when they compare municipalities by size
/// (seed 002 shows smaller municipalities lagging). Population is 住民基本台帳 2025-01-01; a municipality
/// without a figure goes to 「人口不明」 rather than to the smallest band.
/// </summary>
public static class SummaryBands
{
    public static readonly IReadOnlyList<PopulationBand> Known =
    [
        new("under-10k", "1万人未満", 0, 10_000),
        new("10k-50k", "1万〜5万人未満", 10_000, 50_000),
        new("50k-100k", "5万〜10万人未満", 50_000, 100_000),
        new("100k-300k", "10万〜30万人未満", 100_000, 300_000),
        new("300k-plus", "30万人以上", 300_000, null),
    ];

    public static readonly PopulationBand Unknown = new("unknown", "人口不明", null, null);

    public static PopulationBand Of(int? population) =>
        population is not { } p ? Unknown : Known.First(b => p >= b.Min && (b.Max is null || p < b.Max));
}
