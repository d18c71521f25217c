using Renkei.Web.Features.Directory;

namespace Renkei.Web.Features.Indicators;

public enum RuleSource { Population = 1, DirectoryFunction = 2, DirectoryKind = 3, DirectoryService = 4 }

/// <summary>
/// What a computed data element counts (<see cref="DataElement.Rule"/>):
/// "population:total|65+|75+", "directory:function:&lt;function code&gt;[:&lt;ProviderKind&gt;]",
/// "directory:kind:&lt;ProviderKind&gt;", "directory:service:&lt;介護サービス種類コード&gt;".
/// </summary>
public sealed record ComputedRule(RuleSource Source, string Argument, ProviderKind? Kind)
{
    public static bool TryParse(string? text, out ComputedRule rule)
    {
        rule = null!;
        var parts = (text ?? "").Split(':');
        ComputedRule? parsed = parts switch
        {
            ["population", "total" or "65+" or "75+"] => new(RuleSource.Population, parts[1], null),
            ["directory", "function", var code] when FunctionCatalog.IsKnown(code) => new(RuleSource.DirectoryFunction, code, null),
            ["directory", "function", var code, var kind] when FunctionCatalog.IsKnown(code) && KindNamed(kind) is { } k => new(RuleSource.DirectoryFunction, code, k),
            ["directory", "kind", var kind] when KindNamed(kind) is { } k => new(RuleSource.DirectoryKind, kind, k),
            ["directory", "service", var code] when CareServiceTypes.NameByCode.ContainsKey(code) => new(RuleSource.DirectoryService, code, null),
            _ => null,
        };
        if (parsed is null) return false;
        rule = parsed;
        return true;
    }

    public static ComputedRule Parse(string? text) =>
        TryParse(text, out var rule) ? rule : throw new FormatException($"計算規則「{text}」が読めません。");

    private static ProviderKind? KindNamed(string name) => Enum.TryParse<ProviderKind>(name, out var k) && Enum.IsDefined(k) ? k : null;

    /// <summary>Whether a directory entry is counted by this rule (population rules count none).</summary>
    public bool Counts(ProviderKind kind, string? serviceCode, IReadOnlyCollection<string> functions) => Source switch
    {
        RuleSource.DirectoryFunction => functions.Contains(Argument) && (Kind is null || Kind == kind),
        RuleSource.DirectoryKind => Kind == kind,
        RuleSource.DirectoryService => serviceCode == Argument,
        _ => false,
    };

    /// <summary>
    /// Whether the entry shows that the directory holds this rule's kind of data at all (see
    /// <see cref="DirectoryFigures"/>): a function counts wherever it appears, a kind or service wherever
    /// an entry of it appears.
    /// </summary>
    public bool Covers(ProviderKind kind, string? serviceCode, IReadOnlyCollection<string> functions) => Source switch
    {
        RuleSource.DirectoryFunction => functions.Contains(Argument),
        _ => Counts(kind, serviceCode, functions),
    };
}
