using System.Globalization;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>Latitude and longitude as the open-data files write them, shared by the importers.</summary>
public static class SourceCoordinates
{
    /// <summary>
    /// Both coordinates as stored text (at most six decimals), or neither. Coordinates outside Japan's
    /// extent — including the 0.0,0.0 that 医療情報ネット writes for "unknown" — are treated as missing
    /// rather than placing a provider at sea.
    /// </summary>
    public static (string? Latitude, string? Longitude) Parse(string latitude, string longitude)
    {
        var (lat, lng) = (Coordinate(latitude, 20, 46), Coordinate(longitude, 122, 154));
        return lat is null || lng is null ? (null, null) : (lat, lng);
    }

    private static string? Coordinate(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : null;
}
