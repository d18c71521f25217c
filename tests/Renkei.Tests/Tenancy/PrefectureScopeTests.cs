using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Progress;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Tests.Tenancy;

/// <summary>
/// ADR 12: prefecture-owned data and records the prefecture writes on a municipality's behalf, with the
/// scope built from each test user's real sign-in claims and enforced by the query filter and the save guard.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PrefectureScopeTests(AppFixture app)
{
    private async Task<TenantScope> ScopeOf(string userName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await claims.CreateAsync((await users.FindByNameAsync(userName))!);
        return TenantScope.FromPrincipal(principal);
    }

    [Theory]
    [InlineData("pref-staff", "31", true, true)]
    [InlineData("pref-staff", "32", false, false)]
    [InlineData("hc-staff", "31", true, true)]
    [InlineData("tottori-staff", "31", true, false)]
    [InlineData("shimane-staff", "31", false, false)]
    [InlineData("doctor", "31", false, false)]
    public async Task Prefecture_data_is_read_by_the_prefectures_public_bodies_and_written_by_its_office_and_health_centres(
        string user, string prefecture, bool reads, bool writes)
    {
        var scope = await ScopeOf(user);
        Assert.Equal(reads, scope.CanReadPrefecture(prefecture));
        Assert.Equal(writes, scope.CanWritePrefecture(prefecture));
    }

    [Theory]
    [InlineData("pref-staff", TestWorld.Yonago, true)]
    [InlineData("pref-staff", TestWorld.Matsue, false)]
    [InlineData("hc-staff", TestWorld.Tottori, true)]
    [InlineData("hc-staff", TestWorld.Yonago, false)] // not covered by the health centre
    [InlineData("tottori-staff", TestWorld.Tottori, true)]
    [InlineData("tottori-staff", TestWorld.Yonago, false)]
    public async Task On_behalf_writes_need_the_prefecture_and_a_readable_municipality(string user, string municipality, bool allowed)
    {
        var scope = await ScopeOf(user);
        Assert.Equal(allowed, scope.CanWriteOnBehalf(municipality));
        // …and never widen the ordinary municipal write scope.
        Assert.Equal(user == "tottori-staff" && municipality == TestWorld.Tottori, scope.CanWrite(municipality));
    }

    [Fact]
    public async Task The_guard_and_the_filter_enforce_it_in_the_database()
    {
        var title = "ADR12 テスト調査回 " + Guid.NewGuid().ToString("N")[..8];
        await using (var pref = app.Database.CreateContext(await ScopeOf("pref-staff")))
        {
            var round = pref.ProgressRounds.Add(new ProgressRound { PrefectureCode = "31", Title = title, AsOf = new DateOnly(2026, 10, 1) }).Entity;
            await pref.SaveChangesAsync();
            // On the municipality's behalf: allowed for a municipality of the prefecture…
            pref.ProgressResponses.Add(new ProgressResponse { RoundId = round.Id, MunicipalityCode = TestWorld.Yonago, EnteredByPrefecture = true });
            await pref.SaveChangesAsync();
            // …but not another prefecture's data.
            pref.ProgressRounds.Add(new ProgressRound { PrefectureCode = "32", Title = title, AsOf = new DateOnly(2026, 10, 1) });
            await Assert.ThrowsAsync<TenantAccessDeniedException>(() => pref.SaveChangesAsync());
        }

        await using (var shimane = app.Database.CreateContext(await ScopeOf("shimane-staff")))
            Assert.False(await shimane.ProgressRounds.AnyAsync(r => r.Title == title));

        await using (var tottoriOfficer = app.Database.CreateContext(await ScopeOf("tottori-staff")))
        {
            var round = await tottoriOfficer.ProgressRounds.SingleAsync(r => r.Title == title);
            // A municipality reads the round, does not see another municipality's answer, and may not write one.
            Assert.False(await tottoriOfficer.ProgressResponses.AnyAsync(r => r.RoundId == round.Id));
            tottoriOfficer.ProgressResponses.Add(new ProgressResponse { RoundId = round.Id, MunicipalityCode = TestWorld.Yonago });
            await Assert.ThrowsAsync<TenantAccessDeniedException>(() => tottoriOfficer.SaveChangesAsync());
            tottoriOfficer.ChangeTracker.Clear();
            round.Title += "（改）";
            tottoriOfficer.ProgressRounds.Update(round);
            await Assert.ThrowsAsync<TenantAccessDeniedException>(() => tottoriOfficer.SaveChangesAsync());
        }

        await using var system = app.Database.CreateContext();
        Assert.Equal(1, await system.ProgressRounds.CountAsync(r => r.Title == title));
        Assert.Equal([TestWorld.Yonago], await system.ProgressResponses.Where(r => system.ProgressRounds.Any(x => x.Id == r.RoundId && x.Title == title)).Select(r => r.MunicipalityCode).ToListAsync());
    }
}
