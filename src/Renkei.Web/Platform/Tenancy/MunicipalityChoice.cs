using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform.Tenancy;

/// <summary>
/// Which municipality a program page works on: the one asked for (?muni=) when the caller may read it,
/// otherwise the caller's own, otherwise the first readable one. Also the list for the picker
/// (Features/Shared/_MunicipalityPicker.cshtml), so prefecture and health-centre staff can switch.
/// </summary>
public sealed record MunicipalityChoice(string Code, string Name, bool CanWrite, IReadOnlyList<(string Code, string Name)> Options)
{
    /// <returns>null when the caller may read no municipality at all (the page should answer 403).</returns>
    public static async Task<MunicipalityChoice?> ResolveAsync(RenkeiDb db, System.Security.Claims.ClaimsPrincipal user, string? requested, CancellationToken ct = default)
    {
        var scope = db.Scope;
        // Wards of designated cities do not run the program: the city does.
        var query = db.Municipalities.AsNoTracking().Where(m => m.Kind != Features.Regions.MunicipalityKind.Ward);
        if (!scope.ReadAll)
        {
            var readable = scope.Readable.ToList();
            query = query.Where(m => readable.Contains(m.Code));
        }
        else if (user.GetPrefectureCode() is { } pref)
        {
            query = query.Where(m => m.PrefectureCode == pref);
        }
        var options = (await query.OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct)).Select(m => (m.Code, m.Name)).ToList();
        if (requested is not null && scope.CanRead(requested) && !options.Any(o => o.Code == requested))
        {
            // A system admin may open any municipality even outside the picker's prefecture.
            if (await db.Municipalities.AsNoTracking().Where(m => m.Code == requested).Select(m => m.Name).SingleOrDefaultAsync(ct) is { } name)
                options.Insert(0, (requested, name));
        }
        var code = new[] { requested, user.GetMunicipalityCode() }.FirstOrDefault(c => c is not null && options.Any(o => o.Code == c))
            ?? options.Select(o => o.Code).FirstOrDefault();
        if (code is null) return null;
        return new MunicipalityChoice(code, options.First(o => o.Code == code).Name, scope.CanWrite(code), options);
    }
}
