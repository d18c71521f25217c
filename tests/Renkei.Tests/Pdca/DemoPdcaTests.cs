using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Pdca;

namespace Renkei.Tests.Pdca;

public sealed class DemoPdcaTests
{
    [Fact]
    public async Task The_demo_holds_a_marked_sample_cycle_for_tottori_once()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database, demo: true);
        Assert.NotNull(factory.Server); // start-up seeds the demo, the PDCA samples with it
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        await DemoPdca.SeedAsync(db); // a second run adds nothing

        var issues = await db.ProgramIssues.Where(i => i.MunicipalityCode == DemoSeeder.TottoriCity).ToListAsync();
        Assert.All(issues, i => Assert.StartsWith(DemoPdca.Mark, i.Statement, StringComparison.Ordinal));
        Assert.Equal(PdcaNames.AllScenes, PdcaNames.AllScenes.Where(s => issues.Any(i => i.Scenes.HasFlag(s))));
        Assert.Equal(4, await db.Goals.CountAsync(g => g.Kind == GoalKind.Ideal && g.Statement.StartsWith(DemoPdca.Mark)));
        var items = await db.Countermeasures.Select(c => c.Item).Distinct().ToListAsync();
        Assert.Equal(PdcaNames.CountermeasureItems.Order(), items.Order());
        Assert.Equal(1, await db.CountermeasureEvaluations.CountAsync());
        var year = await db.PdcaYears.Include(y => y.Steps).SingleAsync();
        Assert.Equal(3, year.Steps.Count(s => s.Done));
    }
}
