using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Renkei.Web.Platform.Web;

/// <summary>/health as JSON: overall status and each check (the database included).</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
