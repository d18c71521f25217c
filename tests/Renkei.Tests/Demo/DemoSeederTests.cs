using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Organisations;

namespace Renkei.Tests.Demo;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task The_first_run_demo_holds_tottori_with_one_account_per_role_that_signs_in()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database, demo: true);
        Assert.NotNull(factory.Server); // start-up seeds the demo (its passwords go to the console)

        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        // Seeding again is a no-op: the demo exists already.
        Assert.Empty(await seeder.SeedAsync());

        var (s, db) = factory.SystemDb();
        await using var _ = s;
        Assert.Equal(19, await db.Organisations.CountAsync(o => o.IsDemo && o.Kind == OrganisationKind.Municipality && o.PrefectureCode == "31"));
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).Distinct().ToListAsync();
        Assert.Equal(Renkei.Web.Features.Accounts.Roles.All.Order(), roles.Order());
        // The real 鳥取県 providers: every hospital of the 医療情報ネット file and every care service of the shipped files.
        Assert.Equal(39, await db.Providers.CountAsync(p => p.Kind == ProviderKind.Hospital && p.PrefectureCode == "31" && p.Identifiers.Any(i => i.Scheme == IdentifierScheme.IryojohoId)));
        Assert.True(await db.Providers.AnyAsync(p => p.PrefectureCode == "31" && p.Functions.Any(f => f.Code == "home-support-clinic")));
        var careRows = System.IO.Directory.GetFiles(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata"), "jigyosho_*.csv")
            .Sum(f => File.ReadLines(f).Count(l => l.StartsWith("31", StringComparison.Ordinal) && l.Contains(",鳥取県,", StringComparison.Ordinal)));
        Assert.Equal(careRows, await db.Providers.CountAsync(p => p.Kind == ProviderKind.CareService && p.PrefectureCode == "31"));
        var coverage = await db.HealthCentreCoverages.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.IsDemo)).CountAsync();
        Assert.Equal(5, coverage);

        // The residents' page is not empty: 鳥取市's listed providers stand in as consenting, and the page says the consent is a sample.
        var consenting = await db.Providers.Where(p => p.PublicationConsent).Select(p => new { p.MunicipalityCode, p.Listed }).ToListAsync();
        Assert.Equal(await db.Providers.CountAsync(p => p.MunicipalityCode == DemoSeeder.TottoriCity && p.Listed), consenting.Count);
        Assert.All(consenting, p => Assert.Equal((DemoSeeder.TottoriCity, true), (p.MunicipalityCode, p.Listed)));
        Assert.True(consenting.Count > 100, $"{consenting.Count} providers of 鳥取市");
        using var resident = WebSession.Open(factory);
        var page = await resident.GetPageAsync("/public/directory");
        Assert.Contains("data-testid=\"demo-consent-notice\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"public-provider\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_passwords_are_random_and_work()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        Assert.Equal(7, accounts.Count);
        Assert.Equal(accounts.Count, accounts.Select(a => a.Password).Distinct().Count());
        Assert.All(accounts, a => Assert.Matches("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9]).{16}$", a.Password));

        var staff = accounts.Single(a => a.UserName == "tottori-staff");
        using var session = WebSession.Open(factory);
        var login = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = staff.UserName, ["Form.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await session.GetAsync("/");
        Assert.Equal("/municipalities/312011", home.Headers.Location!.OriginalString);
    }
}
