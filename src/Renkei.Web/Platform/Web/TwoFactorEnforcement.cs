using Renkei.Web.Features.Accounts;

namespace Renkei.Web.Platform.Web;

/// <summary>
/// Admins must turn on two-factor sign-in before doing anything else: until they do, every page
/// but the account pages redirects to the authenticator set-up, and every API call is refused.
/// </summary>
public static class TwoFactorEnforcement
{
    private static readonly string[] Allowed = ["/account", "/error", "/lib", "/css", "/js", "/health", "/favicon.ico"];

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(RenkeiClaimsFactory.NeedsTwoFactor, "true") &&
            !Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Redirect("/account/two-factor");
            return;
        }
        await next();
    });
}
