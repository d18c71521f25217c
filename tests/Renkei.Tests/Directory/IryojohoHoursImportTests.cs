using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Cli;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The 医療情報ネット 診療科・診療時間票 on fixtures written from the 定義書 workbook (no real file is at hand), for
/// 鳥取県's real hospitals imported first from the real facility file.
/// </summary>
public sealed class IryojohoHoursImportTests : IAsyncLifetime
{
    private const string HoursFile = "01-2_hospital_speciality_hours_20250601.csv";
    private const string Sheet = "定義書_病院 (診療科・診療時間票)";
    // Real 鳥取県 hospitals of 01-1_hospital_facility_info_20250601.csv.
    private const string Watanabe = "3113111000157"; // 渡辺病院
    private const string Hata = "3113111000158";     // 幡病院
    private const string Ueda = "3113111000159";     // 上田病院
    private const string Sanin = "3113111000161";    // 鳥取産院

    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-hours-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<IryojohoDefinition.Column> _columns = IryojohoDefinition.Columns(Sheet);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        var facilities = Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "01-1_hospital_facility_info_20250601.csv");
        Assert.Equal(39, (await Import(facilities, "31")).New.Count);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_dir, true);
    }

    private async Task<ImportPlan> Import(string path, string? pref = null, bool overwrite = false)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        return (await service.ImportAsync(ImportKind.Iryojoho, path, Path.GetFileName(path), pref, overwrite, true, "test")).Plan;
    }

    /// <summary>One row: department, band, and "day=HH:MM-HH:MM" care times ("受付:day=…" for reception times).</summary>
    private static Dictionary<string, string> Row(string id, string code, string department, string band, params string[] times)
    {
        var row = new Dictionary<string, string> { ["ID"] = id, ["診療科目コード"] = code, ["診療科目名"] = department, ["診療時間帯"] = band };
        foreach (var t in times)
        {
            var reception = t.StartsWith("受付:", StringComparison.Ordinal);
            var (days, span) = (t[(reception ? 3 : 0)..].Split('=')[0], t.Split('=')[1].Split('-'));
            foreach (var day in days.Split(','))
            {
                row[$"{day}_{(reception ? "外来受付" : "診療")}開始時間"] = span[0];
                row[$"{day}_{(reception ? "外来受付" : "診療")}終了時間"] = span[1];
            }
        }
        return row;
    }

    private static readonly Dictionary<string, string>[] GoodRows =
    [
        Row(Watanabe, "01", "内科", "1", "月,火,水,木,金,土=09:00-12:00"),
        Row(Watanabe, "01", "内科", "2", "月,火,水,木,金=14:00-17:00"),
        Row(Watanabe, "12", "外科", "1", "月,水,金=09:00-12:00"),
        Row(Hata, "15", "小児科", "1", "月,火,水,木,金,土=08:30-12:30"),
        Row(Hata, "13", "整形外科", "1", "月,火,水,木,金,土=08:30-12:30"),
        Row(Hata, "40", "歯科", "1", "受付:火=13:00-15:00"),
    ];

    private string Write(params Dictionary<string, string>[] rows)
    {
        var path = Path.Combine(_dir, HoursFile);
        IryojohoDefinition.Write(path, _columns, rows);
        return path;
    }

    private async Task<Provider> ById(string id)
    {
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        return await db.Providers.AsNoTracking().SingleAsync(p => p.Identifiers.Any(i => i.Scheme == IdentifierScheme.IryojohoId && i.Value == id));
    }

    [Fact]
    public async Task The_command_sets_departments_and_hours_of_known_hospitals_only_and_a_second_run_changes_nothing()
    {
        var before = await ById(Watanabe);
        var path = Write(GoodRows);
        Assert.Equal(0, await CliCommand.Parse(["import", "iryojoho", path])!.RunAsync(_factory.Services));

        var watanabe = await ById(Watanabe);
        Assert.Equal("内科、外科", watanabe.Departments);
        Assert.Equal("内科 月〜金 9:00〜12:00・14:00〜17:00、土 9:00〜12:00／外科 月・水・金 9:00〜12:00", watanabe.Hours);
        // The hours name Saturday, whatever the facility file's closed-day flags said.
        Assert.Equal(Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday | Weekdays.Saturday, watanabe.OpenWeekdays);
        Assert.Equal(new FieldMeta(DataSource.IryojohoNet, new DateOnly(2025, 6, 1), null, false, FieldVisibility.Public), watanabe.FieldMeta["Hours"]);
        Assert.Equal(watanabe.FieldMeta["Hours"], watanabe.FieldMeta["Departments"]);
        // Nothing else changes.
        Assert.Equal((before.Name, before.Address, before.OpenDays, before.Beds, before.Listed, before.Kind),
            (watanabe.Name, watanabe.Address, watanabe.OpenDays, watanabe.Beds, watanabe.Listed, watanabe.Kind));
        Assert.Equal(before.FieldMeta["Name"], watanabe.FieldMeta["Name"]);

        var hata = await ById(Hata);
        Assert.Equal("小児科、整形外科、歯科", hata.Departments);
        Assert.Equal("小児科・整形外科 月〜土 8:30〜12:30／歯科 受付 火 13:00〜15:00", hata.Hours);
        Assert.Null((await ById(Ueda)).Hours);

        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            Assert.Equal(39, await db.Providers.CountAsync());
            Assert.Equal(39, await db.Providers.CountAsync(p => p.Listed));
            var run = await db.ImportRuns.OrderBy(r => r.Id).LastAsync();
            Assert.Equal((HoursFile, 0, 2, 0, 0, 0), (run.FileName, run.New, run.Changed, run.Unchanged, run.Rejected, run.NoLongerListed));
        }
        var second = await Import(path);
        Assert.Equal("imported: 0 new, 0 changed, 2 unchanged, 0 rejected", second.Summary);
        Assert.Empty(second.NoLongerListed);
    }

    [Fact]
    public async Task Unknown_facilities_bad_times_and_unknown_bands_are_rejected_with_line_and_reason_and_nothing_is_created()
    {
        var badTime = Row(Hata, "01", "内科", "1", "月=9時-12:00");
        var badTimeSibling = Row(Hata, "12", "外科", "1", "月=09:00-12:00");   // same facility: not applied either
        var reversed = Row(Ueda, "01", "内科", "1", "火=13:00-12:00");
        var badBand = Row(Sanin, "01", "内科", "4", "水=09:00-12:00");
        var path = Write(
            Row(Watanabe, "01", "内科", "1", "月=09:00-12:00"),           // line 2
            Row("0111010000010", "01", "内科", "1", "月=09:00-12:00"),    // line 3: a real Hokkaido hospital, not imported
            Row("3121111000001", "01", "内科", "1", "月=09:00-12:00"),    // line 4: a clinic ID
            badTime, badTimeSibling, reversed, badBand);                    // lines 5–8

        var plan = await Import(path);
        Assert.Equal([3, 4, 5, 7, 8], plan.File.Rejected.Select(r => r.Line));
        Assert.Equal("ID「0111010000010」の施設は名簿にありません。先に施設票（01-1_hospital_facility_info_…）を取り込んでください。", plan.File.Rejected[0].Reason);
        Assert.Contains("02-1_clinic_facility_info", plan.File.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("月_診療開始時間「9時」が時刻（HH:MM）ではありません。", plan.File.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.StartsWith("火_診療終了時間「12:00」が火_診療開始時間「13:00」より後ではありません。", plan.File.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.StartsWith("診療時間帯「4」は 1・2・3 のいずれでもありません。", plan.File.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.Equal("imported: 0 new, 1 changed, 0 unchanged, 5 rejected", plan.Summary);

        Assert.Equal("内科 月 9:00〜12:00", (await ById(Watanabe)).Hours);
        foreach (var id in new[] { Hata, Ueda, Sanin })
        {
            var p = await ById(id);
            Assert.Null(p.Hours);
            Assert.Null(p.Departments);
        }
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(39, await db.Providers.CountAsync());
        Assert.False(await db.Set<ProviderIdentifier>().AnyAsync(i => i.Value == "0111010000010" || i.Value == "3121111000001"));
    }

    [Fact]
    public async Task Hand_edited_hours_are_kept_unless_overwritten()
    {
        var path = Write(GoodRows);
        await Import(path);
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var p = await db.Providers.SingleAsync(p => p.Identifiers.Any(i => i.Value == Watanabe));
            p.Hours = "内科 月〜金 9:00〜11:00（予約制）";
            p.FieldMeta["Hours"] = p.FieldMeta["Hours"] with { Source = DataSource.Manual, HandEdited = true };
            p.FieldMeta = new(p.FieldMeta);
            await db.SaveChangesAsync();
        }

        var kept = await Import(path);
        var change = Assert.Single(kept.Changed);
        Assert.True(Assert.Single(change.Fields).KeptHandEdit);
        Assert.Equal("内科 月〜金 9:00〜11:00（予約制）", (await ById(Watanabe)).Hours);
        Assert.Equal("内科、外科", (await ById(Watanabe)).Departments);

        await Import(path, overwrite: true);
        var overwritten = await ById(Watanabe);
        Assert.StartsWith("内科 月〜金 9:00〜12:00・14:00〜17:00", overwritten.Hours, StringComparison.Ordinal);
        Assert.False(overwritten.FieldMeta["Hours"].HandEdited);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "shift-jis", "UTF-8 として読めません" },
        { "missing-column", "足りない列: 祝_外来受付終了時間" },
        { "truncated", "途中で切れています" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_hours_file_gets_a_japanese_error_and_changes_nothing(string breakage, string message)
    {
        var path = Write(GoodRows);
        await Import(path);
        var original = File.ReadAllText(path);
        var changed = GoodRows.Select(r => new Dictionary<string, string>(r) { ["診療科目名"] = r["診療科目名"] + "（新）" }).ToArray();
        var text = File.ReadAllText(Write(changed));
        switch (breakage)
        {
            case "shift-jis": File.WriteAllBytes(path, CodePagesEncoding.ShiftJis.GetBytes(text)); break;
            case "missing-column": File.WriteAllText(path, text.Replace(",\"祝_外来受付終了時間\"", "", StringComparison.Ordinal), new UTF8Encoding(true)); break;
            case "truncated": File.WriteAllText(path, text[..text.LastIndexOf("\"08:30\"", StringComparison.Ordinal)], new UTF8Encoding(true)); break;
        }
        Assert.NotEqual(original, File.ReadAllText(path));
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var before = await db.Providers.OrderBy(p => p.Id).Select(p => p.Hours + p.Departments + p.Version).ToListAsync();
        var runs = await db.ImportRuns.CountAsync();

        var error = await Assert.ThrowsAsync<ImportFileException>(() => Import(path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.Providers.OrderBy(p => p.Id).Select(p => p.Hours + p.Departments + p.Version).ToListAsync());
        Assert.Equal(runs, await db.ImportRuns.CountAsync());
    }
}

/// <summary>The three kinds' 診療科・診療時間票 share one layout: the reader's, as the 定義書 workbook publishes it.</summary>
public sealed class IryojohoHoursDefinitionTests
{
    [Theory]
    [InlineData("定義書_病院 (診療科・診療時間票)")]
    [InlineData("定義書_診療所 (診療科・診療時間票)")]
    [InlineData("定義書_歯科診療所 (診療科・診療時間票)")]
    public void The_reader_expects_exactly_the_columns_the_definition_workbook_publishes(string sheet) =>
        Assert.Equal(IryojohoDefinition.Columns(sheet).Select(c => c.Name), IryojohoHoursReader.Columns);
}
