using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>The upload page: preview without writing, apply with a report, refuse bad files and the wrong people.</summary>
public sealed class ImportPageTests : IAsyncLifetime
{
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

    private static async Task<HttpResponseMessage> Upload(WebSession session, byte[] content, string fileName, bool preview)
    {
        var form = await session.GetPageAsync("/directory/import");
        using var body = new MultipartFormDataContent();
        foreach (var (k, v) in WebSession.HiddenFields(form)) body.Add(new StringContent(v), k);
        body.Add(new StringContent("kaigo-opendata"), "Kind");
        body.Add(new StringContent(""), "Pref");
        if (preview) body.Add(new StringContent("true"), "PreviewOnly");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", fileName);
        return await session.Client.PostAsync("/directory/import", body);
    }

    private async Task<int> ProviderCount()
    {
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        return await db.Providers.CountAsync();
    }

    [Fact]
    public async Task Preview_shows_the_diff_without_writing_and_applying_opens_the_report()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_155.csv"));
        var rows = File.ReadLines(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_155.csv")).Count() - 1;
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");

        var preview = await Upload(staff, bytes, "jigyosho_155.csv", preview: true);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"ファイルの {rows} 行を読みました。新規 {rows} 件、変更 0 件", html, StringComparison.Ordinal);
        Assert.Equal(0, await ProviderCount());

        var applied = await Upload(staff, bytes, "jigyosho_155.csv", preview: false);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var report = await staff.GetPageAsync(applied.Headers.Location!.OriginalString);
        Assert.Contains($"新規 {rows} 件", report, StringComparison.Ordinal);
        Assert.Equal(rows, await ProviderCount());

        var again = await Upload(staff, bytes, "jigyosho_155.csv", preview: false);
        var second = await staff.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains($"新規 0 件、変更 0 件、変更なし {rows} 件", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shift_jis_file_is_refused_with_a_japanese_message_and_nothing_changes()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_155.csv"));
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var response = await Upload(staff, CodePagesEncoding.ShiftJis.GetBytes(text), "jigyosho_155.csv", preview: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("UTF-8 として読めません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ProviderCount());
    }

    [Fact]
    public async Task Professionals_cannot_import()
    {
        using var doctor = await WebSession.SignInAsync(_factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/directory/import")).StatusCode);
    }
}
