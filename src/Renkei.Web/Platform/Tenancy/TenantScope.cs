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

    public static TenantScope FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Nobody;
        var read = user.FindAll(RenkeiClaims.ReadMunicipality).Select(c => c.Value).ToList();
        var write = user.FindAll(RenkeiClaims.WriteMunicipality).Select(c => c.Value).ToList();
        return new TenantScope(
            read.Contains(RenkeiClaims.AllMunicipalities),
            write.Contains(RenkeiClaims.AllMunicipalities),
            read.Where(c => c != RenkeiClaims.AllMunicipalities),
            write.Where(c => c != RenkeiClaims.AllMunicipalities));
    }
}
