using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// One- and two-character keys, the commonest searches in Japanese, find exactly the providers whose key contains them:
/// at the start, middle or end of a name, after renaming and deleting, and for a character so common that SQLite's text
/// index hands it to a scan (<see cref="SqliteTextIndex"/>). Its own app and database (prefecture 46 only).
/// </summary>
public sealed class ShortKeySearchTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly string[] Names =
    [
        "鳥取市立病院", "病院", "院", "鶴見クリニック", "はな鶴見", "さくら訪問看護ステーション", "サクラ薬局", "Ａ＆Ｂ\"ケア\"", "ab", "医療法人　会", "ケア😀ハウス",
    ];

    /// <summary>Names beginning with 会 followed by as many different characters: more trigrams than the index merges.</summary>
    private static IEnumerable<string> CommonCharacterNames() => Enumerable.Range(0, 600).Select(i => "会" + (char)(0x4E00 + i) + "館");

    public async Task InitializeAsync()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        if (await db.Providers.AnyAsync(p => p.PrefectureCode == "46")) return; // once per class: xunit calls this before every test
        foreach (var name in Names.Concat(CommonCharacterNames()))
            db.Providers.Add(new Provider { Name = name, SearchKey = JapaneseText.SearchKey(name), PrefectureCode = "46", MunicipalityCode = "462012", Kind = ProviderKind.Clinic });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HashSet<int> Found, HashSet<int> Expected)> SearchAsync(string q)
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var (query, _) = await new ProviderSearch(db).BuildAsync(new ProviderFilter { Q = q, Pref = "46" });
        var found = (await query.Select(p => p.Id).ToListAsync()).ToHashSet();
        var key = JapaneseText.SearchKey(q);
        var expected = (await db.Providers.Where(p => p.PrefectureCode == "46").Select(p => new { p.Id, p.SearchKey }).ToListAsync())
            .Where(p => p.SearchKey.Contains(key, StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        return (found, expected);
    }

    [Fact]
    public async Task Every_one_and_two_character_key_of_the_names_finds_exactly_the_names_containing_it()
    {
        // Characters as code points: 😀 is one character of two UTF-16 units, and 😀は a two-character key.
        var keys = Names.Select(n => JapaneseText.SearchKey(n).EnumerateRunes().Select(r => r.ToString()).ToArray())
            .SelectMany(k => Enumerable.Range(0, k.Length).SelectMany(i => new[] { k[i], i + 1 < k.Length ? k[i] + k[i + 1] : null }))
            .OfType<string>().Distinct().ToList();
        Assert.Contains("院", keys);
        Assert.Contains("鶴見", keys);
        Assert.Contains("😀は", keys);
        foreach (var key in keys.Append("会").Append("会一").Append("館").Append("設ハ"))
        {
            var (found, expected) = await SearchAsync(key);
            Assert.True(expected.SetEquals(found), $"「{key}」: {found.Count} found, {expected.Count} expected");
        }
        var (all, _) = await SearchAsync("会");
        Assert.Equal(601, all.Count); // the 600 names and 医療法人　会
        var (ab, abExpected) = await SearchAsync("ＡＢ"); // full width folds to the key "ab"
        Assert.Single(abExpected);
        Assert.Equal(abExpected, ab);
    }

    [Fact]
    public async Task A_renamed_provider_is_found_by_its_new_name_only_and_a_deleted_one_not_at_all()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            var clinic = await db.Providers.SingleAsync(p => p.PrefectureCode == "46" && p.Name == "鶴見クリニック");
            clinic.Name = "鶴ヶ谷クリニック";
            clinic.SearchKey = JapaneseText.SearchKey(clinic.Name);
            db.Providers.Remove(await db.Providers.SingleAsync(p => p.PrefectureCode == "46" && p.Name == "はな鶴見"));
            await db.SaveChangesAsync();
        }
        var (found, expected) = await SearchAsync("鶴見");
        Assert.Empty(expected);
        Assert.Empty(found);
        (found, expected) = await SearchAsync("谷ク");
        Assert.Single(expected);
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task On_sqlite_short_keys_go_through_the_text_index_unless_too_common()
    {
        if (TestDatabase.IsPostgres) return; // PostgreSQL matches short keys by LIKE over its own indexes
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Null(await SqliteTextIndex.MatchAsync(db, "会", default)); // 600 trigrams begin with it
        Assert.Equal("", await SqliteTextIndex.MatchAsync(db, "設ハ", default)); // none does
        // ら begins two trigrams: ら薬局 (サクラ薬局, katakana folded to hiragana) and ら訪問 (さくら訪問看護…), in code order.
        Assert.Equal("\"ら薬局\" OR \"ら訪問\"", await SqliteTextIndex.MatchAsync(db, "ら", default));
        Assert.Equal("\"院\u0001\u0001\"", await SqliteTextIndex.MatchAsync(db, "院", default)); // only ever last
    }
}
