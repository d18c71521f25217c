using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Contacts;
using Renkei.Web.Features.Directory.Export;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Platform;

/// <summary>The HTTP pipeline, in order. Cross-cutting concerns live here, not in pages.</summary>
public static class RenkeiPipeline
{
    public static void UseRenkeiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.Use(async (context, next) =>
        {
            // API callers get bare status codes (and JSON bodies where set), never the HTML error page.
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) &&
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } feature)
            {
                feature.Enabled = false;
            }
            await next();
        });
        app.UseRenkeiSecurityHeaders(app.Configuration["Map:TileHost"] ?? "https://cyberjapandata.gsi.go.jp");
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorEnforcement();
        app.UseAuthorization();
        app.UseTenantAccessDeniedHandler();
        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapRegionApi();
        app.MapArrangementApi();
        app.MapDirectoryApi();
        app.MapDirectoryExport();
        app.MapContactRosterExport();
        app.MapPublicDirectoryApi();
        app.MapIndicatorEndpoints();
        app.MapProgressApi();
    }
}
