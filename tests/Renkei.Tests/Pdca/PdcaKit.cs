using System.Net;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Platform.Time;

namespace Renkei.Tests.Pdca;

/// <summary>Posting PDCA forms the way a browser does (checkbox lists repeat a name) and seeding records directly.</summary>
public static class PdcaKit
{
    public static readonly int ThisYear = FiscalYear.Current(TimeProvider.System).StartYear;

    /// <summary>Loads the form page, keeps its hidden fields (tokens, version) and posts them with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(WebSession session, string url, params (string Key, string Value)[] fields)
    {
        var hidden = WebSession.HiddenFields(await session.GetPageAsync(url));
        return await PostWithAsync(session, url, hidden, fields);
    }

    public static Task<HttpResponseMessage> PostWithAsync(WebSession session, string url, Dictionary<string, string> hidden, params (string Key, string Value)[] fields)
    {
        var names = fields.Select(f => f.Key).ToHashSet();
        var all = hidden.Where(h => !names.Contains(h.Key)).Concat(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return session.Client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static (string, string)[] Issue(string statement, params (string, string)[] more) =>
        [("Form.Statement", statement), ("Form.FiscalYear", ThisYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Priority", "High"),
         ("Form.Source", "Hearing"), ("Form.Status", "NotStarted"), .. more];

    /// <summary>An issue of 鳥取市 written straight to the database.</summary>
    public static async Task<int> SeedIssueAsync(RenkeiFactory factory, string statement, Scenes scenes = Scenes.DailyCare, string municipality = TestWorld.Tottori)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var issue = db.ProgramIssues.Add(new ProgramIssue { MunicipalityCode = municipality, FiscalYear = ThisYear, Statement = statement, Scenes = scenes }).Entity;
        await db.SaveChangesAsync();
        return issue.Id;
    }

    public static int IdFrom(HttpResponseMessage redirect) => int.Parse(redirect.Headers.Location!.OriginalString.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
}
