using Microsoft.Net.Http.Headers;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Platform.Web;

/// <summary>Starts a streamed file download whose name is Japanese and dated, the way every export names its file.</summary>
public static class Download
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>"資源一覧_20261122.csv": the base name and the day in Japan time (the day the user sees on the calendar).</summary>
    public static string DatedName(TimeProvider clock, string baseName, string extension) =>
        $"{baseName}_{JapanTime.TodayJst(clock):yyyyMMdd}.{extension}";

    /// <summary>
    /// Sets the content type and Content-Disposition: filename* carries the Japanese name (RFC 6266 / 5987);
    /// <paramref name="asciiName"/> (without extension) is for clients that ignore it.
    /// </summary>
    public static void Start(HttpContext http, string contentType, string fileName, string asciiName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = asciiName + Path.GetExtension(fileName),
            FileNameStar = fileName,
        }.ToString();
    }
}
