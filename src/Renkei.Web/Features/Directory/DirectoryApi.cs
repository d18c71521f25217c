using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory;

/// <summary>JSON API of the directory for professionals (signed in): search with the page's filters, and map points.</summary>
public static class DirectoryApi
{
    public const int MapLimit = 2000;

    public static void MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/directory").RequireAuthorization();
        api.MapGet("/providers", async ([AsParameters] ApiFilter f, ProviderSearch search, CancellationToken ct) =>
        {
            var result = await search.PageAsync(f.ToFilter(), f.P, _ => "", ct);
            var rows = await search.RowsAsync(result.Query, ct);
            // total is exact unless totalIsAtLeast: then at least that many match, and the pages cover only those.
            return Results.Ok(new
            {
                total = result.Paging.Total, totalIsAtLeast = result.Count.AtLeast, page = result.Paging.Page, pageCount = result.Paging.PageCount, providers = rows,
            });
        });
        api.MapGet("/map", async ([AsParameters] ApiFilter f, ProviderSearch search, CancellationToken ct) =>
        {
            var (query, _) = await search.BuildAsync(f.ToFilter(), ct);
            var points = await query.Where(p => p.Latitude != null && p.Longitude != null).Take(MapLimit)
                .Select(p => new { id = p.Id, name = p.Name, lat = p.Latitude, lng = p.Longitude, kind = p.Kind }).ToListAsync(ct);
            return Results.Ok(points);
        });
    }

    /// <summary>
    /// Map points for the residents' page, no sign-in: consenting providers only, and only where the
    /// provider's coordinates are public.
    /// </summary>
    public static void MapPublicDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/directory/map", async ([AsParameters] ApiFilter f, ProviderSearch search, CancellationToken ct) =>
        {
            var filter = f.ToFilter();
            filter.ConsentedOnly = true;
            var (query, _) = await search.BuildAsync(filter, ct);
            var candidates = await query.Where(p => p.Latitude != null && p.Longitude != null).Take(MapLimit)
                .Select(p => new { p.Id, p.Name, p.Latitude, p.Longitude, p.Kind, p.FieldMeta }).ToListAsync(ct);
            return Results.Ok(candidates.Where(p => PublicFields.IsPublic(p.FieldMeta, "Latitude"))
                .Select(p => new { id = p.Id, name = p.Name, lat = p.Latitude, lng = p.Longitude, kind = p.Kind }));
        }).AllowAnonymous();
    }

    /// <summary>Query-string binding for minimal APIs (the page binds <see cref="ProviderFilter"/> directly).</summary>
    public sealed class ApiFilter
    {
        public string? Q { get; set; }
        public string? Pref { get; set; }
        public string? Area { get; set; }
        public string? Muni { get; set; }
        // Text, parsed leniently: an empty or unknown kind means "any kind", as on the page.
        public string? Kind { get; set; }
        public string? Service { get; set; }
        public string[]? Fn { get; set; }
        // Text like Kind: "Saturday"; empty or unknown means any day.
        public string? Open { get; set; }
        public string? Sort { get; set; }
        public double? Lat { get; set; }
        public double? Lng { get; set; }
        public string? Near { get; set; }
        public int? P { get; set; }

        public ProviderFilter ToFilter() => new()
        {
            Q = Q, Pref = Pref, Area = Area, Muni = Muni, Service = Service, Fn = [.. Fn ?? []],
            Kind = Enum.TryParse<ProviderKind>(Kind, out var kind) && Enum.IsDefined(kind) ? kind : null,
            Sort = Sort, Lat = Lat, Lng = Lng, Near = Near,
            Open = Enum.TryParse<Weekdays>(Open, out var open) && OpenWeekdaysText.Choices.Any(c => c.Day == open) ? open : null,
        };
    }
}
