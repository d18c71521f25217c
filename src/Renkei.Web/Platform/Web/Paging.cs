namespace Renkei.Web.Platform.Web;

/// <summary>
/// One page of a long list. The requested page is clamped, so a stale or edited link shows the
/// nearest real page instead of an empty one. Rendered by Features/Shared/_Pager.cshtml.
/// </summary>
public sealed class Paging
{
    public const int PageSize = 50;

    public Paging(int? requested, int total, Func<int, string> urlFor)
    {
        Total = total;
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        Page = Math.Clamp(requested ?? 1, 1, PageCount);
        UrlFor = urlFor;
    }

    public static Paging Empty { get; } = new(1, 0, _ => "");

    public int Page { get; }
    public int PageCount { get; }
    public int Total { get; }
    public Func<int, string> UrlFor { get; }
    public int Skip => (Page - 1) * PageSize;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Total, Skip + PageSize);
}
