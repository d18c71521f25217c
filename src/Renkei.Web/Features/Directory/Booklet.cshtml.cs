using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Directory.Export;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// A printable booklet of a directory search (same query string as /directory): a contents page by
/// kind, then providers by kind and municipality as compact cards. For meetings and for staff who
/// hand a paper list to families.
/// </summary>
public sealed class BookletModel(DirectoryEntries entries, TimeProvider clock) : PageModel
{
    /// <summary>More than this is a book no one prints; the page says to narrow the search.</summary>
    public const int Limit = 3000;

    [BindProperty(SupportsGet = true)] public ProviderFilter Filter { get; set; } = new();

    public sealed record MunicipalityGroup(string Name, List<DirectoryEntry> Entries);
    public sealed record KindSection(ProviderKind Kind, string Name, int Count, List<MunicipalityGroup> Municipalities);

    public List<KindSection> Sections { get; private set; } = [];
    public int Total { get; private set; }
    public bool Truncated { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        // The links from /directory carry Pref and Muni; a bare URL starts from the user's prefecture, as the search does.
        Filter.Pref ??= User.GetPrefectureCode();
        Today = JapanTime.TodayJst(clock);
        var list = new List<DirectoryEntry>();
        await foreach (var e in entries.ReadAsync(Filter, HttpContext.RequestAborted))
        {
            if (list.Count == Limit) { Truncated = true; break; }
            list.Add(e);
        }
        Total = list.Count;
        // Within a municipality the search's order (name or distance) is kept.
        Sections = [.. list.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => new KindSection(g.Key, g.Key.Japanese(), g.Count(),
            [.. g.GroupBy(e => e.MunicipalityCode).OrderBy(m => m.Key ?? "999999", StringComparer.Ordinal)
                .Select(m => new MunicipalityGroup(m.First().Municipality ?? "市区町村不明", [.. m]))]))];
    }

    public static string Anchor(ProviderKind kind) => "kind-" + kind.ToString().ToLowerInvariant();
}
