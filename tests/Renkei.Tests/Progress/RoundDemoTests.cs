using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Progress;
using Renkei.Web.Features.Regions;

namespace Renkei.Tests.Progress;

public sealed class RoundDemoTests
{
    [Fact]
    public async Task The_demo_holds_two_sample_rounds_answered_for_every_tottori_municipality_and_says_they_are_invented()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database, demo: true);
        Assert.NotNull(factory.Server); // start-up seeds the demo, the sample rounds with it
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        await DemoProgress.SeedAsync(db); // a second run adds nothing

        var rounds = await db.ProgressRounds.Where(r => r.PrefectureCode == DemoSeeder.PrefectureCode).OrderBy(r => r.AsOf).ToListAsync();
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, r => Assert.True(r.IsSample));
        Assert.All(rounds, r => Assert.EndsWith("実施状況調査（サンプル）", r.Title, StringComparison.Ordinal));
        Assert.Equal((RoundState.Closed, RoundState.Open), (rounds[0].State, rounds[1].State));
        var municipalities = await db.Municipalities.Where(m => m.PrefectureCode == "31" && m.Kind != MunicipalityKind.Ward).Select(m => m.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(19, municipalities.Count);
        var running = new List<int>();
        foreach (var round in rounds)
        {
            var responses = await db.ProgressResponses.Include(r => r.Items).Where(r => r.RoundId == round.Id).ToListAsync();
            Assert.Equal(municipalities, responses.Select(r => r.MunicipalityCode).Order());
            Assert.All(responses, r => Assert.Equal(DemoProgress.Note, r.Notes));
            // The invented answers keep the rules a real answer keeps.
            Assert.All(responses, r => Assert.Empty(AnswerRules.Check(round.AsOf, [.. r.Items.OrderBy(i => i.Item).Select(ItemInput.From)], r.Notes, r.SubmittedAtUtc is not null)));
            running.Add(responses.Sum(r => r.Items.Count(i => i.Status == ItemStatus.Running)));
        }
        Assert.True(running[1] > running[0], "the later round shows progress");
        Assert.Contains(await db.ProgressResponses.Where(r => r.RoundId == rounds[1].Id).Select(r => r.SubmittedAtUtc).ToListAsync(), s => s is null);

        // Every page of a sample round says so, to anyone of the prefecture.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var prefOrg = await db.Organisations.SingleAsync(o => o.IsDemo && o.Kind == OrganisationKind.Prefecture);
        var viewer = new AppUser { UserName = "rounds-viewer", DisplayName = "rounds-viewer", OrganisationId = prefOrg.Id };
        Assert.True((await users.CreateAsync(viewer, TestWorld.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(viewer, Roles.ProgramStaff)).Succeeded);
        using var session = await WebSession.SignInAsync(factory, "rounds-viewer");
        var list = await session.GetPageAsync("/progress");
        Assert.Equal(2, list.Split("data-testid=\"sample-badge\"").Length - 1);
        foreach (var url in new[] { $"/progress/{rounds[1].Id}", $"/progress/{rounds[1].Id}/answers/{DemoSeeder.TottoriCity}", $"/progress/{rounds[0].Id}/import" })
        {
            var page = WebUtility.HtmlDecode(await session.GetPageAsync(url));
            Assert.Contains("data-testid=\"sample-notice\"", page, StringComparison.Ordinal);
            Assert.Contains("各市町村の実際の取組状況ではありません", page, StringComparison.Ordinal);
        }
    }
}
