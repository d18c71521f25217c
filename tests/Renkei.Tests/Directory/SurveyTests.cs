using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Features.Surveys;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>Surveys: staff send private links, providers answer without an account, staff accept per item.</summary>
public sealed partial class SurveyTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert('x')</script>";
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private int[] _tottori = [];

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
        await ImportAsync();
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        _tottori = [.. await db.Providers.Where(p => p.MunicipalityCode == TestWorld.Tottori).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync()];
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private async Task ImportAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv");
        await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(ImportKind.KaigoOpenData, path, "jigyosho_140.csv", "31", false, true, "test");
    }

    private static Task<HttpResponseMessage> Post(WebSession session, string url, string html, params (string Key, string Value)[] fields)
    {
        var form = WebSession.HiddenFields(html).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return session.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>tottori-staff creates a survey for two providers and sends it; returns its id and each provider's link path.</summary>
    private async Task<(int Id, Dictionary<int, string> Links)> CreateAndSendAsync(WebSession staff)
    {
        var url = $"/surveys/new?Muni={TestWorld.Tottori}";
        var created = await Post(staff, url, await staff.GetPageAsync(url),
            ("Title", "令和8年度 在宅医療資源調査"), ("Deadline", TimeProvider.System.GetUtcNow().AddDays(20).ToString("yyyy-MM-dd")),
            ("Functions", "tpn"), ("Functions", "end-of-life"), ("Fields", "Phone"), ("Fields", "Fax"),
            ("Questions", "訪問可能な範囲を教えてください"), ("Recipients", _tottori[0].ToString()), ("Recipients", _tottori[1].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var surveyUrl = created.Headers.Location!.OriginalString;
        var page = await staff.GetPageAsync(surveyUrl);
        Assert.Equal(2, Regex.Matches(page, ">" + SurveyStatus.NotSent + "<").Count);
        var sent = await Post(staff, surveyUrl + "?handler=Send", page);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        var links = LinkRegex().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value), m => new Uri(m.Groups[2].Value).AbsolutePath);
        Assert.Equal(_tottori.Order(), links.Keys.Order());
        return (int.Parse(surveyUrl.Split('/')[^1]), links);
    }

    [Fact]
    public async Task A_provider_answers_without_signing_in_and_accepted_fields_keep_survey_provenance_through_a_reimport()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var (id, links) = await CreateAndSendAsync(staff);
        string otherName;
        var (s, db) = _factory.SystemDb();
        await using (s) otherName = (await db.Providers.SingleAsync(p => p.Id == _tottori[1])).Name;

        using var provider = WebSession.Open(_factory);
        var form = await provider.GetPageAsync(links[_tottori[0]]);
        Assert.Contains("この機能に対応していますか", form, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, form, StringComparison.Ordinal);
        var answered = await Post(provider, links[_tottori[0]], form,
            ("Answers[field:Phone]", "０８５７－１１－２２３３"), ("Answers[field:Fax]", "0857-11-9999"),
            ("Answers[function:tpn]", "yes"), ("Answers[function:end-of-life]", "no"), ("Answers[question:0]", Hostile));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        // The provider may correct its answer until the deadline.
        Assert.Contains("回答済みです", await provider.GetPageAsync(links[_tottori[0]]), StringComparison.Ordinal);

        var surveyPage = await staff.GetPageAsync($"/surveys/{id}");
        Assert.Contains(SurveyStatus.Answered, surveyPage, StringComparison.Ordinal);
        var reviewUrl = $"/surveys/{id}/answers/{SurveyRecipientId(surveyPage, _tottori[0])}";
        var review = await staff.GetPageAsync(reviewUrl);
        Assert.Contains("0857-11-2233", review, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, review, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", review, StringComparison.Ordinal);
        var accepted = await Post(staff, reviewUrl, review, ("Accept", "field:Phone"), ("Accept", "function:tpn"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await ImportAsync();
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            var p = await db.Providers.Include(x => x.Functions).SingleAsync(x => x.Id == _tottori[0]);
            Assert.Equal("0857-11-2233", p.Phone);
            var meta = p.FieldMeta["Phone"];
            Assert.Equal((DataSource.Survey, "tottori-staff", true), (meta.Source, meta.ConfirmedBy, meta.HandEdited));
            Assert.Contains(p.Functions, f => f.Code == "tpn" && f.Source == DataSource.Survey);
            Assert.NotNull(p.LastConfirmedOn);
            var answers = await db.SurveyAnswers.Where(a => a.ProviderId == p.Id).ToListAsync();
            Assert.Equal(Hostile, answers.Single(a => a.Item == "question:0").Value);
            Assert.Null(answers.Single(a => a.Item == "field:Fax").AcceptedAtUtc);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "anonymous" && a.EntityType == nameof(SurveyAnswer) && a.MunicipalityCode == TestWorld.Tottori));
        }
        var details = await staff.GetPageAsync($"/directory/{_tottori[0]}");
        Assert.Contains(SurveyStatus.Accepted, details, StringComparison.Ordinal);
        Assert.Contains(DataSource.Survey.SourceName(), details, StringComparison.Ordinal);
        // The function accepted from the answer is in the provider's history, under the provider.
        Assert.Contains($"機能「{FunctionCatalog.Name("tpn")}（出典: {DataSource.Survey.SourceName()}）」を追加", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_revoked_and_unknown_links_get_the_same_invalid_page_and_write_nothing()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var (id, links) = await CreateAndSendAsync(staff);
        var page = await staff.GetPageAsync($"/surveys/{id}");
        var revokeRow = RevokeRegex().Match(page);
        var revoked = await Post(staff, revokeRow.Groups[2].Value.Replace("&amp;", "&", StringComparison.Ordinal), page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var revokedLink = links[int.Parse(revokeRow.Groups[1].Value)];
        var validLink = links.Values.Single(l => l != revokedLink);
        using var provider = WebSession.Open(_factory);
        var form = await provider.GetPageAsync(validLink);
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            var survey = await db.Surveys.SingleAsync(x => x.Id == id);
            survey.Deadline = survey.Deadline.AddDays(-40);
            await db.SaveChangesAsync();
        }
        var random = "/survey/" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var link in new[] { validLink, revokedLink, random, "/survey/short" })
        {
            var get = await provider.GetAsync(link);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Contains("このリンクは無効です", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // Without the one-time form token, so each post reaches the page rather than the double-post guard.
            var fields = WebSession.HiddenFields(form);
            fields.Remove("__FormToken");
            fields["Answers[question:0]"] = "回答";
            var post = await provider.PostAsync(link, fields);
            Assert.Contains("無効", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            Assert.False(await db.SurveyAnswers.AnyAsync());
            Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == "anonymous" && a.Action != AuditActions.AccessDenied));
        }
    }

    [Fact]
    public async Task Staff_of_another_municipality_cannot_open_or_list_the_survey()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var (id, _) = await CreateAndSendAsync(staff);
        var recipient = SurveyRecipientId(await staff.GetPageAsync($"/surveys/{id}"));
        using var yonago = await WebSession.SignInAsync(_factory, "yonago-staff");
        // Another municipality's survey is filtered out of every query: it does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await yonago.GetAsync($"/surveys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yonago.GetAsync($"/surveys/{id}/answers/{recipient}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync($"/surveys/new?Muni={TestWorld.Tottori}")).StatusCode);
        Assert.DoesNotContain("在宅医療資源調査", await yonago.GetPageAsync("/surveys"), StringComparison.Ordinal);
        using var doctor = await WebSession.SignInAsync(_factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/surveys/{id}")).StatusCode);
    }

    private static string SurveyRecipientId(string surveyPage, int? providerId = null) =>
        RecipientRegex().Matches(surveyPage).First(m => providerId is null || m.Groups[2].Value == providerId.ToString()).Groups[1].Value;

    [GeneratedRegex("href=\"/directory/(\\d+)\".*?value=\"(http[^\"]+/survey/[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex LinkRegex();

    [GeneratedRegex("data-recipient=\"(\\d+)\">\\s*<td><a href=\"/directory/(\\d+)\"")]
    private static partial Regex RecipientRegex();

    // The first row's provider and its revoke form.
    [GeneratedRegex("<a href=\"/directory/(\\d+)\">.*?action=\"([^\"]*handler=Revoke[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex RevokeRegex();
}
