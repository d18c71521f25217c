using System.Security.Claims;

namespace Renkei.Web.Platform.Tenancy;

/// <summary>
/// Which municipalities' program data the current principal may read and write. Built once per
/// request from the claims written at sign-in (<see cref="RenkeiClaims"/>); the database context
/// applies it as a global query filter (reads) and a save-time guard (writes), so no page has to
/// remember to check.
/// </summary>
public sealed class TenantScope
{
    /// <summary>The application itself (start-up, CLI, seeding): no restriction.</summary>
    public static readonly TenantScope System = new(true, true, [], []);

    /// <summary>
    /// The prefectures whose prefecture-level data (<see cref="Data.IPrefectureOwned"/>) the caller reads and writes.
    /// A 全国地方公共団体コード starts with its prefecture's two digits, which is how a municipality finds its prefecture here.
    /// </summary>
    public IReadOnlyList<string> ReadablePrefectures { get; private init; } = [];
    public IReadOnlyList<string> WritablePrefectures { get; private init; } = [];

    /// <summary>An anonymous visitor: no program data at all.</summary>
    public static readonly TenantScope Nobody = new(false, false, [], []);

    public TenantScope(bool readAll, bool writeAll, IEnumerable<string> readable, IEnumerable<string> writable)
    {
        ReadAll = readAll;
        WriteAll = writeAll;
        Writable = [.. writable.Distinct(StringComparer.Ordinal)];
        // Whoever may write a municipality's data may also read it.
        Readable = [.. readable.Concat(Writable).Distinct(StringComparer.Ordinal)];
    }

    public bool ReadAll { get; }
    public bool WriteAll { get; }
    public IReadOnlyList<string> Readable { get; }
    public IReadOnlyList<string> Writable { get; }

    public bool CanRead(string? municipalityCode) =>
        ReadAll || (municipalityCode is not null && Readable.Contains(municipalityCode, StringComparer.Ordinal));

    public bool CanWrite(string? municipalityCode) =>
        WriteAll || (municipalityCode is not null && Writable.Contains(municipalityCode, StringComparer.Ordinal));

    public bool CanReadPrefecture(string? prefectureCode) =>
        ReadAll || (prefectureCode is not null && ReadablePrefectures.Contains(prefectureCode, StringComparer.Ordinal));

    public bool CanWritePrefecture(string? prefectureCode) =>
        WriteAll || (prefectureCode is not null && WritablePrefectures.Contains(prefectureCode, StringComparer.Ordinal));

    /// <summary>
    /// May write this municipality's record of a kind the prefecture also keeps (<see cref="Data.IPrefectureProxy"/>):
    /// the municipality itself, or its prefecture's office / a health centre that covers it.
    /// </summary>
    public bool CanWriteOnBehalf(string? municipalityCode) =>
        CanWrite(municipalityCode)
        || (municipalityCode is { Length: >= 2 } && CanWritePrefecture(municipalityCode[..2]) && CanRead(municipalityCode));

    /// <summary>A copy of this scope that also reads/writes the given prefectures.</summary>
    public TenantScope WithPrefectures(IEnumerable<string> readable, IEnumerable<string> writable)
    {
        var write = writable.Distinct(StringComparer.Ordinal).ToList();
        return new TenantScope(ReadAll, WriteAll, Readable, Writable)
        {
            WritablePrefectures = write,
            ReadablePrefectures = [.. readable.Concat(write).Distinct(StringComparer.Ordinal)],
        };
    }

    public static TenantScope FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Nobody;
        var read = user.FindAll(RenkeiClaims.ReadMunicipality).Select(c => c.Value).ToList();
        var write = user.FindAll(RenkeiClaims.WriteMunicipality).Select(c => c.Value).ToList();
        return new TenantScope(
            read.Contains(RenkeiClaims.AllMunicipalities),
            write.Contains(RenkeiClaims.AllMunicipalities),
            read.Where(c => c != RenkeiClaims.AllMunicipalities),
            write.Where(c => c != RenkeiClaims.AllMunicipalities))
            .WithPrefectures(
                user.FindAll(RenkeiClaims.ReadPrefecture).Select(c => c.Value),
                user.FindAll(RenkeiClaims.WritePrefecture).Select(c => c.Value));
    }
}
