using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Loads the shipped catalogue (ReferenceData/data-elements.csv, indicators.csv; see SOURCE-indicators.txt)
/// at every start: parsed and checked in full first, then upserted by code in one transaction. Rows are
/// never deleted, so municipalities' values and targets survive a catalogue change; unchanged rows are
/// not written (and so not audited).
/// </summary>
public sealed class IndicatorCatalogLoader(RenkeiDb db, ILogger<IndicatorCatalogLoader> log)
{
    public const string ElementsFile = "data-elements.csv";
    public const string IndicatorsFile = "indicators.csv";

    public async Task LoadAsync(string directory, CancellationToken ct = default)
    {
        var elements = ReadElements(Path.Combine(directory, ElementsFile));
        var indicators = ReadIndicators(Path.Combine(directory, IndicatorsFile), elements.Select(e => e.Code).ToHashSet());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.DataElements.ToDictionaryAsync(e => e.Code, ct);
        foreach (var row in elements)
        {
            if (!existing.TryGetValue(row.Code, out var e)) existing[row.Code] = e = db.DataElements.Add(new DataElement { Code = row.Code, Name = row.Name }).Entity;
            else if (e.MunicipalityCode is not null) throw new StartupException($"{ElementsFile}: コード {row.Code} は市区町村の独自項目と重複しています。");
            (e.Name, e.Unit, e.Kind, e.Rule, e.Description) = (row.Name, row.Unit, row.Kind, row.Rule, row.Description);
        }
        await db.SaveChangesAsync(ct);

        var known = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        foreach (var row in indicators)
        {
            if (!known.TryGetValue(row.Code, out var i)) i = db.Indicators.Add(new Indicator { Code = row.Code, Name = row.Name, Category = row.Category }).Entity;
            else if (i.MunicipalityCode is not null) throw new StartupException($"{IndicatorsFile}: コード {row.Code} は市区町村の独自指標と重複しています。");
            (i.Name, i.Type, i.Category, i.Unit, i.Definition, i.Source) = (row.Name, row.Type, row.Category, row.Unit, row.Definition, row.Source);
            (i.NumeratorId, i.DenominatorId, i.Factor, i.HigherIsBetter) =
                (existing[row.Numerator].Id, row.Denominator is null ? null : existing[row.Denominator].Id, row.Factor, row.HigherIsBetter);
        }
        var written = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (written > 0) log.LogInformation("Indicator catalogue: {Elements} data elements, {Indicators} indicators ({Written} written)", elements.Count, indicators.Count, written);
    }

    private sealed record ElementRow(string Code, string Name, string? Unit, ElementKind Kind, string? Rule, string? Description);

    private sealed record IndicatorRow(string Code, string Name, IndicatorType Type, string Category, string? Unit, string Numerator,
        string? Denominator, decimal Factor, bool? HigherIsBetter, string? Definition, string? Source);

    private static List<ElementRow> ReadElements(string path)
    {
        var rows = new List<ElementRow>();
        foreach (var (line, f) in Rows(path, 6))
        {
            var kind = Enum.TryParse<ElementKind>(f[3], out var k) ? k : throw Bad(path, line, $"種類「{f[3]}」");
            var rule = Empty(f[4]);
            if (kind == ElementKind.Computed && (rule is null || !ComputedRule.TryParse(rule, out _))) throw Bad(path, line, $"計算規則「{f[4]}」");
            rows.Add(new ElementRow(f[0], f[1], Empty(f[2]), kind, rule, Empty(f[5])));
        }
        return Unique(path, rows, r => r.Code);
    }

    private static List<IndicatorRow> ReadIndicators(string path, HashSet<string> elements)
    {
        var rows = new List<IndicatorRow>();
        foreach (var (line, f) in Rows(path, 11))
        {
            var type = Enum.TryParse<IndicatorType>(f[2], out var t) ? t : throw Bad(path, line, $"区分「{f[2]}」");
            if (!elements.Contains(f[5])) throw Bad(path, line, $"分子「{f[5]}」");
            var denominator = Empty(f[6]);
            if (denominator is not null && !elements.Contains(denominator)) throw Bad(path, line, $"分母「{f[6]}」");
            var factor = decimal.TryParse(f[7], NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && x > 0 ? x : throw Bad(path, line, $"係数「{f[7]}」");
            bool? higher = f[8] switch { "true" => true, "false" => false, "" => null, _ => throw Bad(path, line, $"方向「{f[8]}」") };
            rows.Add(new IndicatorRow(f[0], f[1], type, f[3], Empty(f[4]), f[5], denominator, factor, higher, Empty(f[9]), Empty(f[10])));
        }
        return Unique(path, rows, r => r.Code);
    }

    private static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Rows(string path, int columns)
    {
        foreach (var row in CsvText.ReadFile(path).Skip(1))
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (row.Fields.Count != columns) throw Bad(path, row.LineNumber, $"列数 {row.Fields.Count}（{columns} 列のはず）");
            yield return (row.LineNumber, [.. row.Fields.Select(x => x.Trim())]);
        }
    }

    private static List<T> Unique<T>(string path, List<T> rows, Func<T, string> code)
    {
        var duplicate = rows.GroupBy(code).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? rows : throw new StartupException($"{Path.GetFileName(path)}: コード {duplicate.Key} が重複しています。");
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    private static InvalidOperationException Bad(string path, int line, string what) =>
        new($"{Path.GetFileName(path)} {line}行目: {what} が読めません。");
}
