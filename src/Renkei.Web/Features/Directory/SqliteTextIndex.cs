using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Finding a search key through SQLite's text index, the FTS5 table ProviderSearchIndex (trigram tokenizer). A trigram
/// index answers a key of three characters or more directly, but not a shorter one, and two-character keys (鳥取, 財団,
/// 介護) are the commonest searches in Japanese: a LIKE scan of a national directory took 130–180 ms for each. So the
/// index holds every key followed by two U+0001 characters (<see cref="IndexedText"/>): then every character of a key
/// begins a trigram, and a one- or two-character key is found as the trigrams that begin with it, read from the index's
/// own term list (the fts5vocab table ProviderSearchTerms) — a few hundred terms at most, in a millisecond or so.
/// </summary>
internal static class SqliteTextIndex
{
    /// <summary>What the index holds for a provider; the triggers of the migration ShortKeySearch write the same.</summary>
    public const string IndexedText = "\"SearchKey\" || char(1, 1)";

    /// <summary>
    /// Beyond this many trigrams a short key is common enough (あ begins 1,087 in the national bench directory, 会 over
    /// 2,000) that reading the names finds a page of matches sooner than merging every trigram's list.
    /// </summary>
    private const int MaxTerms = 500;

    /// <summary>
    /// The MATCH expression that finds <paramref name="key"/>; "" when no provider can match; null when a scan is the
    /// better way (a very common short key).
    /// </summary>
    public static async Task<string?> MatchAsync(RenkeiDb db, string key, CancellationToken ct)
    {
        if (JapaneseText.Characters(key) >= 3) return Phrase(key);
        // Every term beginning with the key: terms compare as UTF-8 bytes, and U+10FFFF is the greatest character.
        var end = key + char.ConvertFromUtf32(0x10FFFF);
        var terms = await db.Database
            .SqlQuery<string>($"SELECT term AS \"Value\" FROM ProviderSearchTerms WHERE term >= {key} AND term < {end} LIMIT {MaxTerms + 1}")
            .ToListAsync(ct);
        if (terms.Count > MaxTerms) return null;
        return string.Join(" OR ", terms.Select(Phrase));
    }

    /// <summary>The providers whose key matches the expression from <see cref="MatchAsync"/>.</summary>
    public static IQueryable<Provider> Matching(RenkeiDb db, IQueryable<Provider> query, string match)
    {
        if (match.Length == 0) return query.Where(_ => false);
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ProviderSearchIndex WHERE ProviderSearchIndex MATCH {match}");
        // A join, not IN (…): SQLite then reads the text index row by row and a capped count stops early,
        // where IN first collects every match (170,000 for 療法人).
        return query.Join(ids, p => p.Id, id => id, (p, _) => p);
    }

    /// <summary>An FTS5 string: the text in double quotes, its own double quotes doubled.</summary>
    private static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
