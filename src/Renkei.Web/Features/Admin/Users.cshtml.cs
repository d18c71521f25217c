using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Admin;

/// <summary>The account list: all accounts for a system admin, the own organisation's for an organisation admin.</summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class UsersModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Organisation, bool TwoFactor, DateTimeOffset? LockoutEnd, List<string> Roles);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    // "p", not "page": Razor Pages keeps the page's own name in the route value "page".
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var query = AdminScope.Of(User).Visible(db.Users.AsNoTracking());
        if (Query?.Trim() is { Length: > 0 } q)
        {
            // User names are compared in Identity's normalised (upper-case) form, so the filter ignores case.
            var upper = q.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q) || u.Organisation!.Name.Contains(q));
        }
        Paging = new Paging(PageNumber, await query.CountAsync(), p => PageUrl(Query, p));
        Rows = await query.OrderBy(u => u.UserName).Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Organisation!.Name, u.TwoFactorEnabled, u.LockoutEnd, new List<string>()))
            .ToListAsync();
        var ids = Rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        foreach (var row in Rows) row.Roles.AddRange(roles.Where(r => r.UserId == row.Id).Select(r => r.Name!).Order(StringComparer.Ordinal));
    }

    private static string PageUrl(string? query, int page) => "/admin/users" + QueryString.Create(
        new KeyValuePair<string, string?>[] { new("q", string.IsNullOrWhiteSpace(query) ? null : query.Trim()), new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(kv => kv.Value is not null));
}
