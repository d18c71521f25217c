namespace Renkei.Web.Platform.Web;

/// <summary>
/// Security headers on every response. The CSP allows no inline script or style: all script is in
/// wwwroot/js files. Map tiles are the only outside resource, from the configured tile host.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseRenkeiSecurityHeaders(this IApplicationBuilder app, string tileHost)
    {
        var csp = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' data: {tileHost}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        return app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
    }
}
