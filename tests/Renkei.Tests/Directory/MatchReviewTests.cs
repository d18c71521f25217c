using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>The review queue for pairs the matcher does not decide, and merging or keeping them apart.</summary>
public sealed class MatchReviewTests : IAsyncLifetime
{
    private static readonly string Hospitals = Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "01-1_hospital_facility_info_20250601.csv");
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private static string Kouseikyoku(string file) => Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", file);

    private async Task<ImportPlan> Import(ImportKind kind, string path, string? pref)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var (plan, _) = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(kind, path, Path.GetFileName(path), pref, false, true, "test");
        return plan;
    }

    [Fact]
    public async Task On_Yamanashi_hospitals_certain_pairs_are_all_true_and_the_queue_holds_the_rest_of_the_sample()
    {
        var truePairs = LabelledSample.Pairs(Hospitals, Kouseikyoku("yamanashi-ika-2025-10.xlsx"), "19");
        await Import(ImportKind.Iryojoho, Hospitals, "19");
        var plan = await Import(ImportKind.Kouseikyoku, Kouseikyoku("yamanashi-ika-2025-10.xlsx"), null);

        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var certain = (await db.Providers.Where(p => p.Identifiers.Count > 1)
            .Select(p => new { Net = p.Identifiers.Single(i => i.Scheme == IdentifierScheme.IryojohoId).Value, Code = p.Identifiers.Single(i => i.Scheme == IdentifierScheme.MedicalInstitutionCode).Value })
            .ToListAsync()).Select(m => (m.Net, m.Code)).ToHashSet();
        var queued = (await db.MatchReviews.Where(r => r.Status == MatchReviewStatus.Open)
            .Select(r => new
            {
                Code = db.Set<ProviderIdentifier>().Single(i => i.ProviderId == r.ProviderId && i.Scheme == IdentifierScheme.MedicalInstitutionCode).Value,
                Net = db.Set<ProviderIdentifier>().Single(i => i.ProviderId == r.CandidateId && i.Scheme == IdentifierScheme.IryojohoId).Value,
                r.Reason,
            }).ToListAsync());

        Assert.Empty(certain.Except(truePairs)); // precision of automatic merges: 1.0
        Assert.Equal(plan.Uncertain.Count, queued.Count);
        Assert.NotEmpty(queued);
        // Every sample pair is merged or waiting for review: recall of the two together is 1.0.
        Assert.Empty(truePairs.Except(certain).Except(queued.Select(q => (q.Net, q.Code))));
        Assert.True(certain.Count < truePairs.Count, "some sample pairs differ in their addresses and need a person");
        Assert.All(queued, q => Assert.Equal("名称が一致（住所が異なる）", q.Reason));
    }

    /// <summary>Moves 鳥取市's 鳥取赤十字病院 in the directory so the 厚生局 row no longer matches it for sure.</summary>
    private async Task<int> QueueOnePairInTottori()
    {
        await Import(ImportKind.Iryojoho, Hospitals, "31");
        int id;
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var p = await db.Providers.SingleAsync(x => x.Name == "鳥取赤十字病院");
            p.Address = "鳥取県鳥取市別の町１";
            await db.SaveChangesAsync();
            id = p.Id;
        }
        var plan = await Import(ImportKind.Kouseikyoku, Kouseikyoku("tottori-2025-10.xlsx"), null);
        Assert.Equal(id, plan.Uncertain.Single().CandidateId);
        return id;
    }

    [Fact]
    public async Task Staff_merge_a_queued_pair_into_one_provider_and_the_next_import_changes_nothing()
    {
        var existing = await QueueOnePairInTottori();
        using var other = await WebSession.SignInAsync(_factory, "yonago-staff");
        Assert.DoesNotContain("鳥取赤十字病院", await other.GetPageAsync("/directory/matches"), StringComparison.Ordinal);

        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var page = await staff.GetPageAsync("/directory/matches");
        Assert.Contains("名称が一致（住所が異なる）", page, StringComparison.Ordinal);
        var form = WebSession.HiddenFields(page, new() { ["merge"] = "true" });
        var stranger = await other.PostAsync("/directory/matches", WebSession.HiddenFields(await other.GetPageAsync("/directory/matches"), new() { ["id"] = form["id"], ["version"] = form["version"], ["merge"] = "true" }));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/directory/matches", form)).StatusCode);
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var merged = await db.Providers.Include(p => p.Identifiers).Include(p => p.Functions).SingleAsync(p => p.Id == existing);
            Assert.Equal([IdentifierScheme.IryojohoId, IdentifierScheme.MedicalInstitutionCode], merged.Identifiers.Select(i => i.Scheme).Order());
            Assert.Contains(merged.Functions, f => f.Source == DataSource.Kouseikyoku);
            Assert.Single(await db.Providers.Where(p => p.Name.Contains("鳥取赤十字")).ToListAsync());
            var review = await db.MatchReviews.SingleAsync();
            Assert.Equal((MatchReviewStatus.Merged, "tottori-staff", (int?)null), (review.Status, review.DecidedBy, review.ProviderId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "統合" && a.EntityKey == existing.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Posting the same decision again (a second tab) is refused with a message, and nothing changes.
        var again = await staff.PostAsync("/directory/matches", WebSession.HiddenFields(await staff.GetPageAsync("/directory/matches?status=Merged"), new() { ["id"] = form["id"], ["version"] = form["version"], ["merge"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("他の人が確認済み", await staff.GetPageAsync("/directory/matches"), StringComparison.Ordinal);

        var second = await Import(ImportKind.Kouseikyoku, Kouseikyoku("tottori-2025-10.xlsx"), null);
        Assert.Empty(second.New);
        Assert.Empty(second.Uncertain);
    }

    [Fact]
    public async Task A_pair_kept_apart_stays_two_providers_and_is_not_asked_again()
    {
        var existing = await QueueOnePairInTottori();
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        // A post that chooses neither (missing or tampered) decides nothing.
        foreach (var tampered in new[] { "yes", "" })
        {
            var bad = WebSession.HiddenFields(await staff.GetPageAsync("/directory/matches"), new() { ["merge"] = tampered });
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/directory/matches", bad)).StatusCode);
            var after = await staff.GetPageAsync("/directory/matches");
            Assert.Contains("どちらかを選んでください", System.Net.WebUtility.HtmlDecode(after), StringComparison.Ordinal);
            Assert.Contains("名称が一致（住所が異なる）", after, StringComparison.Ordinal);
        }
        var form = WebSession.HiddenFields(await staff.GetPageAsync("/directory/matches"), new() { ["merge"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/directory/matches", form)).StatusCode);
        Assert.Contains("確認が必要な組合せはありません", await staff.GetPageAsync("/directory/matches"), StringComparison.Ordinal);
        Assert.Contains("鳥取赤十字病院", await staff.GetPageAsync("/directory/matches?status=KeptApart"), StringComparison.Ordinal);

        var second = await Import(ImportKind.Kouseikyoku, Kouseikyoku("tottori-2025-10.xlsx"), null);
        Assert.Empty(second.Uncertain);
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(2, await db.Providers.CountAsync(p => p.Name.Contains("鳥取赤十字")));
        Assert.Equal(1, await db.MatchReviews.CountAsync());
    }
}
