using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Who may do what with progress rounds, in one place for every page of the module. Reading a round is the
/// query filter's business (ADR 12: another prefecture's round is simply not found); these are the finer rules.
/// </summary>
public static class RoundAccess
{
    /// <summary>
    /// Opening, editing and importing a round is the prefecture office's work (and a system admin's). Health centres
    /// also hold prefecture write scope, but they enter answers only for the municipalities they cover: a centre run
    /// by a city (保健所設置市) must not open a survey of the whole prefecture.
    /// </summary>
    public static bool CanManage(ClaimsPrincipal user, TenantScope scope, string prefectureCode) =>
        scope.CanWritePrefecture(prefectureCode)
        && (user.IsInRole(Roles.SystemAdmin) || user.FindFirstValue(RenkeiClaims.OrganisationKind) == nameof(OrganisationKind.Prefecture));

    /// <summary>
    /// True when the caller answers for someone else: anyone but the municipality itself (and the centres it
    /// commissions, which carry its code). Their saves are marked <see cref="ProgressResponse.EnteredByPrefecture"/>.
    /// </summary>
    public static bool OnBehalf(ClaimsPrincipal user, string municipalityCode) => user.GetMunicipalityCode() != municipalityCode;

    /// <summary>
    /// May the caller save this municipality's answer now? The municipality until the round closes; the prefecture
    /// office and covering health centres (on its behalf) also after 締切, to correct what was handed in.
    /// </summary>
    public static bool CanAnswer(ClaimsPrincipal user, TenantScope scope, ProgressRound round, string municipalityCode)
    {
        if (!scope.CanWriteOnBehalf(municipalityCode)) return false;
        return round.State == RoundState.Open || (OnBehalf(user, municipalityCode) && scope.CanWritePrefecture(round.PrefectureCode));
    }

    /// <summary>
    /// The municipalities that answer a round and that the caller may read, by code: wards of designated cities
    /// are left out (the city answers), a health centre sees the ones it covers, a municipality itself.
    /// </summary>
    public static IQueryable<Municipality> Municipalities(RenkeiDb db, string prefectureCode) =>
        Answering(db, db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == prefectureCode));

    /// <summary>The same for several prefectures at once (the list of rounds counts them in one query).</summary>
    public static IQueryable<Municipality> Municipalities(RenkeiDb db, IReadOnlyCollection<string> prefectureCodes) =>
        Answering(db, db.Municipalities.AsNoTracking().Where(m => prefectureCodes.Contains(m.PrefectureCode)));

    private static IQueryable<Municipality> Answering(RenkeiDb db, IQueryable<Municipality> municipalities)
    {
        var query = municipalities.Where(m => m.Kind != MunicipalityKind.Ward);
        if (db.Scope.ReadAll) return query;
        var readable = db.Scope.Readable.ToList();
        return query.Where(m => readable.Contains(m.Code));
    }

    /// <summary>Whether the code is a municipality that answers rounds of this prefecture (exists, is in it, is not a ward).</summary>
    public static Task<bool> AnswersInAsync(RenkeiDb db, string prefectureCode, string municipalityCode, CancellationToken ct) =>
        db.Municipalities.AnyAsync(m => m.Code == municipalityCode && m.PrefectureCode == prefectureCode && m.Kind != MunicipalityKind.Ward, ct);
}
