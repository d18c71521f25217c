namespace Renkei.Web.Features.Directory.Import;

/// <summary>One provider as a source file describes it, before it meets the database.</summary>
public sealed record ImportedProvider(
    int Line,
    IdentifierScheme Scheme,
    string Key,
    ProviderKind Kind,
    string? ServiceCode,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<ImportedFunction> Functions)
{
    // Computed where the row is built, on the thread that reads the file while the one before is written: the key's
    // normalisation (and loading ICU for it, the first time in a process) is then off the writing thread. The name and
    // kana it was computed from are kept with it: a copy made with `with` keeps these fields, whatever its Fields.
    private readonly (string Name, string? Kana, string Key) _searchKey = SearchKeyOf(Fields.GetValueOrDefault("Name") ?? "", Fields.GetValueOrDefault("NameKana"));

    private static (string Name, string? Kana, string Key) SearchKeyOf(string name, string? kana) => (name, kana, Provider.SearchKeyOf(name, kana));

    /// <summary>The search key of a provider with this name and kana: the one computed with the row when they are the row's.</summary>
    public string SearchKeyFor(string name, string? kana) =>
        string.Equals(name, _searchKey.Name, StringComparison.Ordinal) && string.Equals(kana, _searchKey.Kana, StringComparison.Ordinal)
            ? _searchKey.Key : Provider.SearchKeyOf(name, kana);
}

public sealed record ImportedFunction(string Code, DateOnly? Since);

/// <summary>A row the importer refused. <paramref name="Key"/> is the provider's key when the row still names one:
/// such a provider is not reported as "no longer listed" (it is listed, just not readable this time).</summary>
public sealed record RejectedRow(int Line, string Reason, string? Key = null);

/// <summary>
/// A whole source file, read and validated: the rows that passed, the rows that did not (with line and
/// reason), and the slice of the directory the file is authoritative for — providers of that slice that
/// the file no longer lists are reported, never deleted. <paramref name="RowsRead"/> counts the file's data rows below
/// the header, whatever became of them: a 厚生局 list has one row per 届出, so it reads thousands of rows for a few
/// hundred facilities (<see cref="Rows"/>), and staff see both numbers.
/// </summary>
public sealed record ImportFile(
    DataSource Source,
    string FileName,
    DateOnly? AsOf,
    int RowsRead,
    IReadOnlyList<ImportedProvider> Rows,
    IReadOnlyList<RejectedRow> Rejected,
    ImportSlice Slice)
{
    /// <summary>
    /// Set for a file that only adds fields to providers other files brought in (医療情報ネット 診療科・診療時間票): its rows
    /// never create providers, and it lists no slice, so nothing is reported as no longer listed. The function gives
    /// the reason a row is rejected when its provider is not in the directory.
    /// </summary>
    public Func<ImportedProvider, string>? UpdatesOnly { get; init; }
}

/// <summary>Which providers a file speaks for: its identifier scheme, kinds, service codes and (optionally) prefectures.</summary>
public sealed record ImportSlice(IdentifierScheme Scheme, IReadOnlySet<ProviderKind> Kinds, IReadOnlySet<string>? ServiceCodes, IReadOnlySet<string>? Prefectures);

/// <summary>A file the importer cannot read at all (wrong encoding, missing columns, empty): nothing is changed.</summary>
public sealed class ImportFileException(string message) : Exception(message);
