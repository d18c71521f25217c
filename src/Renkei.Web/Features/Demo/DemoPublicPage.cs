using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// The residents' page lists only providers that consented to publication, and no public file carries such a consent:
/// without this the demo's public page was empty. The demo stands in for the consents 鳥取市 would collect from its
/// providers by marking its own listed providers as consenting. Their details are the real public data; the consent is
/// not, and the page says so while the demo is in the database (<see cref="DemoSeeder.ExistsAsync"/>).
/// </summary>
public static class DemoPublicPage
{
    public static Task<int> SeedAsync(RenkeiDb db, CancellationToken ct) =>
        db.Providers.Where(p => p.MunicipalityCode == DemoSeeder.TottoriCity && p.Listed)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublicationConsent, true), ct);
}
