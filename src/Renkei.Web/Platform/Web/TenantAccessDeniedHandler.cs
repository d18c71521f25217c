using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Platform.Web;

/// <summary>
/// Turns a write blocked by <see cref="TenantWriteGuard"/> into 403 (page or API alike) and audits
/// the attempt. Pages check scope themselves first; reaching this means a check was missing.
/// </summary>
public static class TenantAccessDeniedHandler
{
    public static IApplicationBuilder UseTenantAccessDeniedHandler(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (TenantAccessDeniedException denied) when (!context.Response.HasStarted)
        {
            var db = context.RequestServices.GetRequiredService<RenkeiDb>();
            context.RequestServices.GetRequiredService<ILogger<TenantScope>>().LogWarning("Tenant write refused: {Message}", denied.Message);
            db.ChangeTracker.Clear();
            await db.AuditAsync(AuditActions.AccessDenied, details: denied.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    });
}
