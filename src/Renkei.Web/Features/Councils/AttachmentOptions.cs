using System.Globalization;

namespace Renkei.Web.Features.Councils;

/// <summary>Upload limits for council attachments (setting <c>Councils:MaxAttachmentBytes</c>).</summary>
public static class AttachmentOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    /// <summary>
    /// The most the server reads of one upload request, whatever the setting says: request-size attributes need
    /// a constant, and files live in the database, so a larger setting is capped here.
    /// </summary>
    public const long HardLimitBytes = 100 * 1024 * 1024;

    public static long MaxBytes(IConfiguration config) => Math.Min(config.GetValue("Councils:MaxAttachmentBytes", DefaultMaxBytes), HardLimitBytes);

    /// <summary>"10 MB" for messages.</summary>
    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
