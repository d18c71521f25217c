using System.Globalization;

namespace Renkei.Web.Features.Regions;

/// <summary>How a population count reads on screen: "179,215", or "データなし" when the source has none (never 0).</summary>
public static class PeopleCount
{
    public static string Format(long? count) => count is null ? "データなし" : count.Value.ToString("N0", CultureInfo.InvariantCulture);

    public static string WithUnit(long? count) => count is null ? "データなし" : Format(count) + "人";
}
