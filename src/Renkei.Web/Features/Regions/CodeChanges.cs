namespace Renkei.Web.Features.Regions;

/// <summary>
/// Municipal code changes since the 2020 geography files (code-changes.csv): old 5-digit code →
/// the current municipality. Today: 浜松市's ward reorganisation of 2024-01-01.
/// </summary>
public sealed class CodeChanges
{
    public sealed record Successor(string Code, string Name, string Kana);

    private readonly Dictionary<string, Successor> _byOldCode;

    private CodeChanges(Dictionary<string, Successor> byOldCode) => _byOldCode = byOldCode;

    public IReadOnlyCollection<string> OldCodes => _byOldCode.Keys;

    public IEnumerable<Successor> Successors => _byOldCode.Values.DistinctBy(s => s.Code);

    /// <summary>The current code for a 5-digit code from a 2020 file, with check digit.</summary>
    public string Current(string fiveDigitCode) =>
        _byOldCode.TryGetValue(fiveDigitCode, out var s) ? s.Code : LocalGovernmentCode.WithCheckDigit(fiveDigitCode);

    public bool TryGetSuccessor(string fiveDigitCode, out Successor successor) => _byOldCode.TryGetValue(fiveDigitCode, out successor!);

    public static CodeChanges Parse(string path)
    {
        var file = Path.GetFileName(path);
        var rows = ReferenceDataParser.Rows(path, ["old_code", "new_code", "new_name", "new_kana"], out var col);
        var map = new Dictionary<string, Successor>();
        foreach (var row in rows)
        {
            var old = ReferenceDataParser.Field(path, row, col["old_code"]);
            var code = ReferenceDataParser.Field(path, row, col["new_code"]);
            if (LocalGovernmentCode.Problem(code) is { } problem) throw new ReferenceDataException(file, row.LineNumber, problem);
            if (old.Length != 5 || !old.All(char.IsAsciiDigit)) throw new ReferenceDataException(file, row.LineNumber, $"旧コード「{old}」は5桁の数字ではありません。");
            if (!map.TryAdd(old, new Successor(code, ReferenceDataParser.Field(path, row, col["new_name"]), ReferenceDataParser.Field(path, row, col["new_kana"]))))
                throw new ReferenceDataException(file, row.LineNumber, $"旧コード「{old}」が重複しています。");
        }
        return new CodeChanges(map);
    }
}
