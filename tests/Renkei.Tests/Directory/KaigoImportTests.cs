using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Cli;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>The 介護サービス情報公表 importer on the real open-data files, and on broken variants of them.</summary>
public sealed class KaigoImportTests : IAsyncLifetime
{
    private static string Source(string file) => Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", file);

    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-kaigo-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_dir, true);
    }

    private async Task<ImportPlan> Import(string path, string? pref = null, bool apply = true, bool overwrite = false)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        return (await service.ImportAsync(ImportKind.KaigoOpenData, path, Path.GetFileName(path), pref, overwrite, apply, "test")).Plan;
    }

    // Counted from the raw text with a pattern, not with the importer's reader: data rows start with a
    // 6-digit code and the 10-character No (介護医療院 numbers have a letter: 02B0100010).
    private static Dictionary<string, int> RowsPerPrefecture(string path) =>
        File.ReadLines(path).Select(l => Regex.Match(l, "^(\\d{2})\\d{4},[0-9A-Z]{10},")).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [Theory]
    [InlineData("jigyosho_760.csv")]
    [InlineData("jigyosho_120.csv")]
    [InlineData("jigyosho_550.csv")]
    [InlineData("jigyosho_140.csv")] // the longest 利用可能曜日 texts (PostgreSQL enforces column lengths)
    public async Task A_real_file_imports_every_row_and_a_second_run_changes_nothing(string file)
    {
        var expected = RowsPerPrefecture(Source(file));
        var first = await Import(Source(file));
        Assert.Equal(expected.Values.Sum(), first.File.RowsRead);
        Assert.Equal(expected.Values.Sum(), first.New.Count);
        Assert.Empty(first.File.Rejected);

        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var code = file[9..12];
            var perPref = await db.Providers.Where(p => p.ServiceCode == code).GroupBy(p => p.PrefectureCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
            Assert.Equal(expected.OrderBy(e => e.Key), perPref.OrderBy(e => e.Key));
        }

        var second = await Import(Source(file));
        Assert.Equal($"imported: 0 new, 0 changed, {expected.Values.Sum()} unchanged, 0 rejected", second.Summary);
    }

    [Fact]
    public async Task A_known_provider_arrives_with_normalised_contacts_provenance_and_search_key()
    {
        await Import(Source("jigyosho_760.csv"));
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var p = await db.Providers.Include(x => x.Identifiers).SingleAsync(x => x.Identifiers.Any(i => i.Value == "0190100974:760"));
        Assert.Equal("ブルー・ケア株式会社", p.Name);
        Assert.Equal("011011", p.MunicipalityCode);
        Assert.Equal("011-215-8890", p.Phone);
        Assert.Null(p.Url);
        Assert.Equal("kitamaruinfo@blue-care.net", p.Email); // the URL column held an e-mail address
        Assert.Equal(45, p.Capacity);
        Assert.Equal(CoordinatePrecision.Exact, p.CoordinatePrecision);
        Assert.Equal(DataSource.KaigoOpenData, p.FieldMeta["Phone"].Source);
        Assert.Equal(FieldVisibility.Professionals, p.FieldMeta["Fax"].Visibility);
        Assert.Equal(Renkei.Web.Platform.Text.JapaneseText.SearchKey("ブルー・ケア株式会社 ブルー・ケアカブシキガイシャ"), p.SearchKey);
    }

    [Fact]
    public async Task Prefecture_filter_imports_only_that_prefecture()
    {
        var plan = await Import(Source("jigyosho_140.csv"), pref: "31");
        Assert.Equal(RowsPerPrefecture(Source("jigyosho_140.csv"))["31"], plan.New.Count);
    }

    [Fact]
    public async Task A_changed_row_is_reported_field_by_field_and_hand_edits_survive_unless_overwritten()
    {
        await Import(Source("jigyosho_710.csv"));
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var p = await db.Providers.FirstAsync(x => x.ServiceCode == "710");
            p.Phone = "0000-00-0000";
            p.FieldMeta["Phone"] = p.FieldMeta["Phone"] with { Source = DataSource.Manual, HandEdited = true };
            p.FieldMeta = new(p.FieldMeta);
            await db.SaveChangesAsync();
        }
        // Change one row's name in a copy of the file.
        var lines = File.ReadAllLines(Source("jigyosho_710.csv"));
        var changedLine = lines[5];
        var oldName = changedLine.Split(',')[4];
        lines[5] = changedLine.Replace("," + oldName + ",", "," + oldName + "（新）,", StringComparison.Ordinal);
        var copy = Path.Combine(_dir, "jigyosho_710.csv");
        File.WriteAllLines(copy, lines, new UTF8Encoding(true));

        var plan = await Import(copy, apply: false);
        Assert.Equal(2, plan.Changed.Count); // the renamed row and the hand-edited one
        var renamed = Assert.Single(plan.Changed, c => c.Fields.Any(f => f.Field == "Name"));
        Assert.Equal(oldName + "（新）", renamed.Fields.Single(f => f.Field == "Name").New);
        Assert.True(Assert.Single(plan.Changed, c => c.Fields.Any(f => f.Field == "Phone")).Fields.Single().KeptHandEdit);

        long versionBefore;
        (scope, db) = _factory.SystemDb();
        await using (scope) versionBefore = await db.Providers.Where(x => x.Id == renamed.ProviderId).Select(x => x.Version).SingleAsync();
        await Import(copy);
        (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            Assert.Equal("0000-00-0000", (await db.Providers.FirstAsync(x => x.Phone == "0000-00-0000")).Phone);
            // The renamed provider: new name, search key and provenance, the next version; found by its new name.
            var p = await db.Providers.SingleAsync(x => x.Id == renamed.ProviderId);
            Assert.Equal(oldName + "（新）", p.Name);
            Assert.Equal(Provider.SearchKeyOf(p.Name, p.NameKana), p.SearchKey);
            Assert.Equal(DataSource.KaigoOpenData, p.FieldMeta["Name"].Source);
            Assert.Equal(versionBefore + 1, p.Version);
            var (found, _) = await new ProviderSearch(db).BuildAsync(new ProviderFilter { Q = "（新）" });
            Assert.Equal([p.Id], await found.Select(x => x.Id).ToListAsync());
        }
        await Import(copy, overwrite: true);
        (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            Assert.False(await db.Providers.AnyAsync(x => x.Phone == "0000-00-0000"));
            Assert.Equal(1, await db.ImportRuns.CountAsync(r => r.Changed == 2));
        }
    }

    [Fact]
    public async Task Rows_missing_from_a_later_file_are_reported_as_no_longer_listed_not_deleted()
    {
        await Import(Source("jigyosho_155.csv"));
        var lines = File.ReadAllLines(Source("jigyosho_155.csv"));
        var copy = Path.Combine(_dir, "jigyosho_155.csv");
        File.WriteAllLines(copy, lines.Take(lines.Length - 3), new UTF8Encoding(true));
        var plan = await Import(copy);
        Assert.Equal(3, plan.NoLongerListed.Count);
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(lines.Length - 1, await db.Providers.CountAsync(p => p.ServiceCode == "155"));
        Assert.Equal(plan.NoLongerListed.Order(), await db.Providers.Where(p => p.ServiceCode == "155" && !p.Listed).Select(p => p.Id).OrderBy(id => id).ToListAsync());
        Assert.All(await db.Providers.Where(p => !p.Listed).Select(p => p.Version).ToListAsync(), v => Assert.Equal(1, v)); // a change like any other

        // Back in the next file: listed again.
        await Import(Source("jigyosho_155.csv"));
        db.ChangeTracker.Clear();
        Assert.False(await db.Providers.AnyAsync(p => p.ServiceCode == "155" && !p.Listed));
    }

    [Fact]
    public async Task A_provider_deleted_between_planning_and_writing_stops_the_import_and_nothing_is_written()
    {
        await Import(Source("jigyosho_710.csv"));
        var lines = File.ReadAllLines(Source("jigyosho_710.csv"));
        var copy = Path.Combine(_dir, "jigyosho_710.csv");
        // Two rows renamed, the last three gone.
        string Renamed(string line) => line.Replace("," + line.Split(',')[4] + ",", "," + line.Split(',')[4] + "（新）,", StringComparison.Ordinal);
        var changed = lines.Select((l, i) => i is 3 or 6 ? Renamed(l) : l).ToList();
        File.WriteAllLines(copy, changed.Take(changed.Count - 3), new UTF8Encoding(true));
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        var importer = scope.ServiceProvider.GetRequiredService<DirectoryImporter>();
        var plan = await importer.PlanAsync(await service.ReadAsync(ImportKind.KaigoOpenData, copy, "jigyosho_710.csv", null), overwriteHandEdits: false);
        Assert.Equal(2, plan.Changed.Count);
        Assert.Equal(3, plan.NoLongerListed.Count);

        var (other, otherDb) = _factory.SystemDb();
        await using (other)
        {
            otherDb.Providers.Remove(await otherDb.Providers.SingleAsync(p => p.Id == plan.Changed[1].ProviderId));
            await otherDb.SaveChangesAsync();
        }
        var error = await Assert.ThrowsAsync<ImportFileException>(() => importer.ApplyAsync(plan, "test"));
        Assert.Equal(ProviderBulkUpdate.Conflict(plan.Changed[1].Row.Fields["Name"]!), error.Message);

        var (check, db) = _factory.SystemDb();
        await using (check)
        {
            Assert.Equal(1, await db.ImportRuns.CountAsync());
            Assert.False(await db.Providers.AnyAsync(p => p.Name.Contains("（新）") || !p.Listed));
            Assert.All(await db.Providers.Select(p => p.Version).ToListAsync(), v => Assert.Equal(0, v));
        }
    }

    [Fact]
    public async Task An_update_names_the_version_it_read_so_a_save_made_in_between_is_not_overwritten()
    {
        await Import(Source("jigyosho_155.csv"));
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var stale = await db.Providers.AsNoTracking().Include(p => p.Functions).FirstAsync();
        var (other, otherDb) = _factory.SystemDb();
        await using (other)
        {
            var p = await otherDb.Providers.SingleAsync(x => x.Id == stale.Id);
            p.Phone = "0857-00-0000";
            await otherDb.SaveChangesAsync();
        }
        var read = stale.Version;
        (stale.Name, stale.Version) = ("上書き", read + 1);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<ImportFileException>(() => ProviderBulkUpdate.ApplyAsync(db, [new(stale, read, null, null)], [], default));
            Assert.Equal(ProviderBulkUpdate.Conflict("上書き"), error.Message);
        }
        var now = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == stale.Id);
        Assert.Equal(("0857-00-0000", read + 1), (now.Phone, now.Version));
        Assert.NotEqual("上書き", now.Name);
    }

    [Fact]
    public async Task A_listed_provider_whose_row_is_rejected_this_time_is_not_reported_as_gone()
    {
        await Import(Source("jigyosho_155.csv"));
        var lines = File.ReadAllLines(Source("jigyosho_155.csv")).ToList();
        lines[4] = "999999" + lines[4][6..]; // unknown municipality: rejected, but the row still names its 事業所
        var copy = Path.Combine(_dir, "jigyosho_155.csv");
        File.WriteAllLines(copy, lines, new UTF8Encoding(true));
        var plan = await Import(copy);
        Assert.Single(plan.File.Rejected);
        Assert.Empty(plan.NoLongerListed);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_line_and_reason_and_the_rest_imports()
    {
        var lines = File.ReadAllLines(Source("jigyosho_155.csv")).ToList();
        lines[2] = "312019" + lines[2][6..];                       // wrong check digit
        lines[3] = lines[3].Replace(lines[3].Split(',')[15], "12345", StringComparison.Ordinal); // bad 事業所番号
        var copy = Path.Combine(_dir, "jigyosho_155.csv");
        File.WriteAllLines(copy, lines, new UTF8Encoding(true));
        var plan = await Import(copy);
        Assert.Equal(2, plan.File.Rejected.Count);
        Assert.Equal(3, plan.File.Rejected[0].Line);
        Assert.Contains("検査数字", plan.File.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("事業所番号", plan.File.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(lines.Count - 3, plan.New.Count);
        Assert.EndsWith("2 rejected", plan.Summary, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "truncated", "途中で切れています" },
        { "shift-jis", "UTF-8 として読めません" },
        { "missing-column", "足りない列: 経度" },
        { "extra-column", "余分な列: 追加列" },
        { "english-header", "見出しが公表されている形式と違います" },
        { "empty", "ファイルが空です" },
        { "garbage", "UTF-8 として読めません" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_file_gets_a_japanese_error_and_changes_nothing(string breakage, string message)
    {
        await Import(Source("jigyosho_155.csv"));
        var original = File.ReadAllText(Source("jigyosho_155.csv"));
        var path = Path.Combine(_dir, "jigyosho_155.csv");
        switch (breakage)
        {
            case "truncated":
                // Cut 40 characters into the 31st data row, as an interrupted download would.
                var cut = Enumerable.Range(0, 31).Aggregate(0, (at, _) => original.IndexOf('\n', at) + 1) + 40;
                File.WriteAllText(path, original[..cut], new UTF8Encoding(true));
                break;
            case "shift-jis": File.WriteAllBytes(path, CodePagesEncoding.ShiftJis.GetBytes(original.Replace("法人の名称", "法人名称変更", StringComparison.Ordinal))); break;
            case "missing-column": File.WriteAllText(path, original.Replace(",経度,", ",", StringComparison.Ordinal), new UTF8Encoding(true)); break;
            case "extra-column": File.WriteAllText(path, original.Replace(",備考", ",備考,追加列", StringComparison.Ordinal), new UTF8Encoding(true)); break;
            case "english-header": File.WriteAllText(path, "code,no,prefecture,city,name\r\n" + string.Join("\r\n", original.Split('\n').Skip(1)), new UTF8Encoding(true)); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "garbage":
                var bytes = new byte[50 * 1024 * 1024];
                new Random(42).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
        }
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var before = await db.Providers.OrderBy(p => p.Id).Select(p => p.Name + p.Version + p.Listed).ToListAsync();
        var runs = await db.ImportRuns.CountAsync();

        var error = await Assert.ThrowsAsync<ImportFileException>(() => Import(path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.Providers.OrderBy(p => p.Id).Select(p => p.Name + p.Version + p.Listed).ToListAsync());
        Assert.Equal(runs, await db.ImportRuns.CountAsync());
    }

    [Fact]
    public async Task The_import_command_takes_several_files_as_one_batch_and_stops_at_an_unreadable_one()
    {
        string[] files = [Source("jigyosho_155.csv"), Source("jigyosho_710.csv")];
        var console = new CliConsole(new StringWriter(), new StringWriter());
        Assert.Equal(0, await CliCommand.Parse(["import", "kaigo-opendata", .. files])!.RunAsync(_factory.Services, console));
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var runs = await db.ImportRuns.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(files.Select(Path.GetFileName), runs.Select(r => r.FileName));
            // Each file's records, counted by the CSV parser alone (header excluded), are each new or rejected.
            Assert.Equal(files.Select(f => Renkei.Web.Platform.Text.CsvText.ReadFile(f).Count() - 1), runs.Select(r => r.New + r.Rejected));
            // A line per file, and the last line the sum, in the form scripts read.
            var lines = console.Out.ToString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var run in runs) Assert.Contains($"{run.FileName}: imported: {run.New} new, 0 changed, 0 unchanged, {run.Rejected} rejected", lines);
            foreach (var f in files) Assert.Contains($"{Path.GetFileName(f)} の {RowsPerPrefecture(f).Values.Sum():N0} 行を読みました", lines);
            Assert.Equal($"imported: {runs.Sum(r => r.New)} new, 0 changed, 0 unchanged, {runs.Sum(r => r.Rejected)} rejected", lines[^1]);
            Assert.Empty(console.Error.ToString()!);
        }

        var empty = Path.Combine(_dir, "jigyosho_120.csv");
        await File.WriteAllBytesAsync(empty, []);
        var stopped = new CliConsole(new StringWriter(), new StringWriter());
        Assert.Equal(1, await CliCommand.Parse(["import", "kaigo-opendata", Source("jigyosho_550.csv"), empty, Source("jigyosho_760.csv")])!.RunAsync(_factory.Services, stopped));
        Assert.Equal("import: jigyosho_120.csv: ファイルが空です。（このファイルとその後のファイルは取り込んでいません。その前のファイルは取り込み済みです）", stopped.Error.ToString()!.Trim());
        (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            Assert.Equal(["jigyosho_155.csv", "jigyosho_710.csv", "jigyosho_550.csv"], await db.ImportRuns.OrderBy(r => r.Id).Select(r => r.FileName).ToListAsync());
            Assert.Equal(0, await db.Providers.CountAsync(p => p.ServiceCode == "760"));
        }
    }
}
