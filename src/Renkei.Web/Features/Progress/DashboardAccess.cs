using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Who reads the summaries. A round's dashboard: staff of the prefecture office or a health centre of that
/// prefecture, and system admins. Municipal users read their own answer on the round pages, not the others'
/// figures (403). Another prefecture's round is not found (404, ADR 12). The national view: whoever reads all
/// municipalities (system admins).
/// </summary>
public static class DashboardAccess
{
    public const string MunicipalityExplanation =
        "集計ダッシュボードは都道府県・保健所の担当者とシステム管理者が使う画面です。市町村の方は、調査のページで自分の市町村の回答を確認・入力できます。";

    public static bool MayView(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SystemAdmin)
        || (StaffOnlyAttribute.Allows(user) && user.FindFirstValue(RenkeiClaims.OrganisationKind) is nameof(OrganisationKind.Prefecture) or nameof(OrganisationKind.HealthCentre));

    public static bool MayViewNational(RenkeiDb db) => db.Scope.ReadAll;

    /// <summary>The round with 200, or null with 404 (not readable: another prefecture) or 403 (readable, but not a dashboard reader).</summary>
    public static async Task<(ProgressRound? Round, int Status)> FindAsync(RenkeiDb db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var round = await db.ProgressRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !db.Scope.CanReadPrefecture(round.PrefectureCode)) return (null, StatusCodes.Status404NotFound);
        return MayView(user) ? (round, StatusCodes.Status200OK) : (null, StatusCodes.Status403Forbidden);
    }
}
