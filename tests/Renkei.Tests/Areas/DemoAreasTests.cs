using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Areas;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Organisations;

namespace Renkei.Tests.Areas;

public sealed class DemoAreasTests
{
    [Fact]
    public async Task The_demo_workspace_of_tottori_east_is_seeded_once_and_every_record_is_marked_as_a_sample()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        Assert.NotNull(factory.Server);
        await TestWorld.SeedAsync(factory);
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var centre = db.Organisations.Add(new Organisation { Kind = OrganisationKind.HealthCentre, Name = "鳥取市保健所", PrefectureCode = "31" }).Entity;
        await db.SaveChangesAsync();
        await DemoAreas.SeedAsync(db);
        await DemoAreas.SeedAsync(db); // a second run adds nothing

        var rule = await db.AreaRules.Include(r => r.Versions).SingleAsync(r => r.SecondaryAreaCode == DemoAreas.Area);
        Assert.True(rule.IsSample);
        Assert.Equal(DemoAreas.RuleTitle, rule.Title);
        Assert.Equal(["第1版", "第2版"], rule.Versions.OrderBy(v => v.EffectiveFrom).Select(v => v.Label));
        var versionIds = rule.Versions.Select(v => v.Id).ToList();
        var adopters = await db.AreaRuleAdoptions.Where(a => versionIds.Contains(a.VersionId)).ToListAsync();
        Assert.Equal(5, adopters.Count);
        Assert.All(adopters, a => Assert.Contains("サンプル", a.Note, StringComparison.Ordinal));
        var meeting = await db.JointMeetings.SingleAsync();
        Assert.True(meeting.IsSample);
        Assert.Contains("サンプル", meeting.Title, StringComparison.Ordinal);
        var activities = await db.HealthCentreActivities.ToListAsync();
        Assert.Equal(2, activities.Count);
        Assert.All(activities, a => Assert.True(a.IsSample && a.OrganisationId == centre.Id && a.Title.Contains("サンプル", StringComparison.Ordinal)));

        using var pref = await WebSession.SignInAsync(factory, "pref-staff");
        var page = await pref.GetPageAsync("/areas/" + DemoAreas.Area);
        Assert.Contains(DemoAreas.RuleTitle, page, StringComparison.Ordinal);
        Assert.Contains(">サンプル</span>", page, StringComparison.Ordinal);
        Assert.Contains("鳥取市保健所", page, StringComparison.Ordinal);
    }
}
