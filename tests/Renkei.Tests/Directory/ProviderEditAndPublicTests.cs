using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>Hand edits, visibility and consent, and what residents then see without signing in.</summary>
public sealed class ProviderEditAndPublicTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private int _tottoriProvider;
    private int _yonagoProvider;

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv");
        await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(ImportKind.KaigoOpenData, path, "jigyosho_140.csv", "31", false, true, "test");
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        _tottoriProvider = await db.Providers.Where(p => p.MunicipalityCode == TestWorld.Tottori && p.Latitude != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        _yonagoProvider = await db.Providers.Where(p => p.MunicipalityCode == TestWorld.Yonago).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private static Dictionary<string, string> Form(string html, Dictionary<string, string> changes)
    {
        var fields = WebSession.HiddenFields(html);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "name=\"(Values\\[[A-Za-z]+\\])\" value=\"([^\"]*)\""))
            fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (var (k, v) in changes) fields[k] = v;
        return fields;
    }

    [Fact]
    public async Task A_hand_edit_is_kept_by_the_next_import_and_residents_see_only_consenting_providers_public_fields()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var url = $"/directory/{_tottoriProvider}/edit";
        var html = await staff.GetPageAsync(url);
        var saved = await staff.PostAsync(url, Form(html, new()
        {
            ["Values[Phone]"] = "０８５７－９９－９９９９", ["Visibility[Fax]"] = "Internal", ["Visibility[Phone]"] = "Public",
            ["Visibility[Email]"] = "Professionals", ["Consent"] = "true", ["Confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A re-import of the same file keeps the hand-edited phone.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv");
            var (plan, _) = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(ImportKind.KaigoOpenData, path, "jigyosho_140.csv", "31", false, true, "test");
            Assert.True(plan.Changed.Single(c => c.ProviderId == _tottoriProvider).Fields.Single().KeptHandEdit);
        }
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            var p = await db.Providers.SingleAsync(x => x.Id == _tottoriProvider);
            Assert.Equal("0857-99-9999", p.Phone);
            Assert.True(p.FieldMeta["Phone"].HandEdited);
            Assert.Equal("tottori-staff", p.FieldMeta["Phone"].ConfirmedBy);
            Assert.NotNull(p.LastConfirmedOn);
            Assert.True(p.PublicationConsent);
            // The edit is filed under the provider's municipality, whose log shows it whoever made it.
            var key = _tottoriProvider.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var edit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Provider) && a.EntityKey == key && a.Action == AuditActions.Update);
            Assert.Equal(TestWorld.Tottori, edit.MunicipalityCode);
        }

        using var resident = WebSession.Open(_factory);
        var page = await resident.GetPageAsync($"/public/directory?Pref=31&Muni={TestWorld.Tottori}");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"public-provider\""));
        Assert.Contains("0857-99-9999", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-consent-notice", page, StringComparison.Ordinal); // no demo in this database: real consents only
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            var fax = (await db.Providers.SingleAsync(x => x.Id == _tottoriProvider)).Fax;
            if (fax is not null) Assert.DoesNotContain(fax, page, StringComparison.Ordinal);
        }
        var points = await resident.Client.GetFromJsonAsync<JsonElement>("/api/public/directory/map?Pref=31");
        Assert.Equal([_tottoriProvider], points.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/api/directory/map?Pref=31")).StatusCode);
    }

    [Fact]
    public async Task Confirming_a_provider_takes_it_off_the_review_list_and_its_page_shows_the_history()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var before = await staff.GetPageAsync("/directory/review");
        Assert.Contains($"href=\"/directory/{_tottoriProvider}\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/directory/{_yonagoProvider}\"", before, StringComparison.Ordinal);

        var url = $"/directory/{_tottoriProvider}/edit";
        var confirm = await staff.PostAsync(url, Form(await staff.GetPageAsync(url), new()
        {
            ["Values[OpenDays]"] = "平日（祝日を除く）", ["Values[Fax]"] = "0857-11-1111", ["Visibility[Fax]"] = "Internal", ["Confirmed"] = "true",
        }));
        Assert.True(confirm.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await confirm.Content.ReadAsStringAsync(), "alert-danger.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        var after = await staff.GetPageAsync("/directory/review");
        Assert.DoesNotContain($"href=\"/directory/{_tottoriProvider}\"", after, StringComparison.Ordinal);

        // An import that changes a field the source owns is recorded in the provider's history too.
        var (s, db) = _factory.SystemDb();
        string oldName;
        await using (s) oldName = (await db.Providers.SingleAsync(p => p.Id == _tottoriProvider)).Name;
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv"))
            .Select(l => l.Contains("," + oldName + ",", StringComparison.Ordinal) ? l.Replace("," + oldName + ",", "," + oldName + "（改称）,", StringComparison.Ordinal) : l);
        var dir = Path.Combine(Path.GetTempPath(), "renkei-hist-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, "jigyosho_140.csv");
        File.WriteAllLines(copy, lines, new System.Text.UTF8Encoding(true));
        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(ImportKind.KaigoOpenData, copy, "jigyosho_140.csv", "31", false, true, "tester");
        System.IO.Directory.Delete(dir, true);

        var page = await staff.GetPageAsync($"/directory/{_tottoriProvider}");
        Assert.Contains("取込による更新", page, StringComparison.Ordinal);
        Assert.Contains(oldName + "（改称）", page, StringComparison.Ordinal);
        Assert.Contains("平日（祝日を除く）", page, StringComparison.Ordinal);
        Assert.Matches("<td>更新</td><td>tottori-staff</td>", page);
        // In the words of the page, without internal columns; the FAX made internal shows to the municipality's staff only.
        Assert.Contains("営業日・診療日: ", page, StringComparison.Ordinal);
        Assert.Contains("FAX: ", page, StringComparison.Ordinal);
        Assert.Contains("0857-11-1111", page, StringComparison.Ordinal);
        Assert.DoesNotContain("OpenDays:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("FieldMeta", page, StringComparison.Ordinal);
        using var doctor = await WebSession.SignInAsync(_factory, "doctor");
        var seen = await doctor.GetPageAsync($"/directory/{_tottoriProvider}");
        Assert.Contains("営業日・診療日: ", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("0857-11-1111", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_edit_another_municipalitys_provider_and_bad_values_are_explained()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/directory/{_yonagoProvider}/edit")).StatusCode);
        var url = $"/directory/{_tottoriProvider}/edit";
        var response = await staff.PostAsync(url, Form(await staff.GetPageAsync(url), new() { ["Values[Name]"] = "", ["Values[Latitude]"] = "135", ["Values[Beds]"] = "-3" }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("名称を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("緯度は 20〜46 の数値で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("病床数は0以上の整数で入力してください。", html, StringComparison.Ordinal);
    }
}
