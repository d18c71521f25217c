using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Areas;
using Renkei.Web.Platform.Time;

namespace Renkei.Tests.Areas;

/// <summary>Posting workspace forms the way a browser does, and seeding rules straight into the database.</summary>
internal static partial class AreaKit
{
    public const string East = "3101"; // 鳥取県 東部: 鳥取市 and four towns
    public const string West = "3103"; // 鳥取県 西部: 米子市 among others
    public static readonly int ThisYear = FiscalYear.Current(TimeProvider.System).StartYear;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Loads <paramref name="formFrom"/> (default: <paramref name="url"/>), keeps its last form's hidden fields and posts them with <paramref name="fields"/> (repeated keys allowed).</summary>
    public static async Task<HttpResponseMessage> PostAsync(WebSession session, string url, (string Key, string Value)[] fields, string? formFrom = null)
    {
        var hidden = WebSession.HiddenFields(await session.GetPageAsync(formFrom ?? url));
        var names = fields.Select(f => f.Key).ToHashSet();
        var all = hidden.Where(h => !names.Contains(h.Key)).Concat(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await session.Client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts the version form as the browser's multipart form, with a document when given.</summary>
    public static async Task<HttpResponseMessage> PostVersionAsync(WebSession session, string area, int ruleId, string label, DateOnly from, (string Name, byte[] Bytes)? document = null, int? id = null)
    {
        var url = $"/areas/{area}/rules/{ruleId}/versions/edit{(id is null ? "" : "/" + id)}";
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in WebSession.HiddenFields(await session.GetPageAsync(url))) content.Add(new StringContent(v), k);
        content.Add(new StringContent(label), "Label");
        content.Add(new StringContent(Iso(from)), "EffectiveFrom");
        content.Add(new StringContent($"{label}の変更点"), "Changes");
        if (document is { } doc)
        {
            var file = new ByteArrayContent(doc.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Upload", doc.Name);
        }
        return await session.Client.PostAsync(url, content);
    }

    public static async Task<int> CreateRuleAsync(WebSession session, string area, string title)
    {
        var response = await PostAsync(session, $"/areas/{area}/rules/edit", [("Form.Kind", "Rule"), ("Form.Title", title), ("Form.Scenes", "AdmissionDischarge"), ("Form.Description", "テスト用の説明")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(RuleIdRegex().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A rule with versions 第1版, 第2版… (a year apart, the last one this 年度) written as the application itself.</summary>
    public static async Task<(int RuleId, int[] Versions)> SeedRuleAsync(RenkeiFactory factory, string area, string title, int versions = 2)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var rule = db.AreaRules.Add(new AreaRule { PrefectureCode = "31", SecondaryAreaCode = area, Title = title, Kind = AreaRuleKind.Form }).Entity;
        await db.SaveChangesAsync();
        var list = Enumerable.Range(1, versions).Select(n => new AreaRuleVersion
        {
            RuleId = rule.Id, PrefectureCode = "31", Label = AreaText.VersionLabel(n), EffectiveFrom = new DateOnly(ThisYear - versions + n, 4, 1),
        }).ToList();
        db.AreaRuleVersions.AddRange(list);
        await db.SaveChangesAsync();
        return (rule.Id, [.. list.Select(v => v.Id)]);
    }

    public static Task<HttpResponseMessage> AdoptAsync(WebSession session, string area, int ruleId, int versionId, string municipality, DateOnly on, string? formFrom = null) =>
        PostAsync(session, $"/areas/{area}/rules/{ruleId}/adopt", [("version", versionId.ToString(CultureInfo.InvariantCulture)), ("muni", municipality), ("AdoptedOn", Iso(on))], formFrom);

    public static async Task<int> CountAdoptionsAsync(RenkeiFactory factory, int versionId, string municipality)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        return await db.AreaRuleAdoptions.CountAsync(a => a.VersionId == versionId && a.MunicipalityCode == municipality);
    }

    /// <summary>The HTML of the element marked data-testid="<paramref name="testId"/>" (a table), or "" when absent.</summary>
    public static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0) return "";
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    /// <summary>The municipalities of a matrix marked 最新版未採用.</summary>
    public static List<string> BehindLatest(string matrixHtml) =>
        [.. RowRegex().Matches(matrixHtml).Where(m => m.Value.Contains("not-latest", StringComparison.Ordinal)).Select(m => m.Groups[1].Value)];

    public static byte[] Pdf(int size = 4096)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < size; i++) bytes[i] = (byte)(i * 37 % 251);
        return bytes;
    }

    [GeneratedRegex(@"/rules/(\d+)/")]
    private static partial Regex RuleIdRegex();

    [GeneratedRegex("<tr data-muni=\"(\\d+)\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}
