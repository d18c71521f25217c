using System.Text;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Tests.Regions;

/// <summary>A broken shipped file must stop start-up with the file and row named, and write nothing.</summary>
public sealed class MalformedReferenceDataTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-ref-" + Guid.NewGuid().ToString("N")[..8]);

    public MalformedReferenceDataTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var file in Directory.GetFiles(ReferenceDataLoader.DefaultDirectory)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
    }

    private void Rewrite(string file, Func<string, string> change)
    {
        var path = Path.Combine(_dir, file);
        File.WriteAllText(path, change(File.ReadAllText(path)), new UTF8Encoding(true));
    }

    [Fact]
    public async Task A_wrong_check_digit_stops_start_up_naming_file_and_row_and_leaves_the_database_empty()
    {
        // Row 3 of the file (札幌市中央区, 011011) gets a wrong check digit.
        Rewrite(ReferenceDataParser.MunicipalityFile, t => t.Replace(",011011", ",011012", StringComparison.Ordinal));
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database, extra: new() { ["ReferenceData:Directory"] = _dir });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        var refError = Assert.IsType<ReferenceDataException>(error.GetBaseException());
        Assert.Equal(ReferenceDataParser.MunicipalityFile, refError.File);
        Assert.Equal(3, refError.Row);
        Assert.Contains("検査数字", refError.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Prefectures.CountAsync());
        Assert.Equal(0, await db.Municipalities.CountAsync());
    }

    [Theory]
    [InlineData("missing-column")]
    [InlineData("shift-jis")]
    [InlineData("unknown-municipality")]
    [InlineData("truncated-xlsx")]
    public async Task A_bad_file_leaves_already_loaded_data_exactly_as_it_was(string breakage)
    {
        switch (breakage)
        {
            case "missing-column":
                Rewrite(ReferenceDataParser.AreaFile, t => t.Replace("area_code,", "areacode,", StringComparison.Ordinal));
                break;
            case "shift-jis":
                var path = Path.Combine(_dir, ReferenceDataParser.PrefectureFile);
                var text = File.ReadAllText(path);
                File.WriteAllBytes(path, CodePagesEncoding.ShiftJis.GetBytes(text));
                break;
            case "unknown-municipality":
                Rewrite(ReferenceDataParser.AreaFile, t => t + "99999,架空市,3101,東部,31,鳥取県,test\n");
                break;
            case "truncated-xlsx":
                var xlsx = Path.Combine(_dir, ReferenceDataParser.PopulationFile);
                var bytes = File.ReadAllBytes(xlsx);
                File.WriteAllBytes(xlsx, bytes[..(bytes.Length / 3)]);
                break;
        }
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        _ = factory.Server;
        var (scope, db) = factory.SystemDb();
        await using var disposeScope = scope;
        var before = await Snapshot(db);
        var loader = new ReferenceDataLoader(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReferenceDataLoader>.Instance);
        // Force a reload attempt: pretend the stored data are from other files.
        await db.ReferenceDataStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentHash, "old"));
        var error = await Assert.ThrowsAsync<ReferenceDataException>(() => loader.LoadAsync(_dir));
        Assert.Matches("参照データ .+ の \\d+ 行目: .+", error.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Snapshot(db));
    }

    private static async Task<string> Snapshot(RenkeiDb db) =>
        string.Join("|", await db.Municipalities.OrderBy(m => m.Code).Select(m => m.Code + m.Name + m.SecondaryAreaCode + m.Population).ToListAsync());

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
