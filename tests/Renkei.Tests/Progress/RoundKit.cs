using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;

namespace Renkei.Tests.Progress;

/// <summary>Rounds written as the application itself, and the answer form filled in and posted as a browser would.</summary>
internal static class RoundKit
{
    public static readonly DateOnly AsOf = new(2026, 10, 1);

    public static async Task<int> SeedRoundAsync(RenkeiFactory factory, string title, string prefecture = "31", RoundState state = RoundState.Open, DateOnly? asOf = null, bool sample = false)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var round = db.ProgressRounds.Add(new ProgressRound { PrefectureCode = prefecture, Title = title, AsOf = asOf ?? AsOf, State = state, IsSample = sample }).Entity;
        await db.SaveChangesAsync();
        return round.Id;
    }

    public static async Task SetStateAsync(RenkeiFactory factory, int roundId, RoundState state)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        await db.ProgressRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state));
    }

    public static async Task<ProgressResponse?> ResponseAsync(RenkeiFactory factory, int roundId, string municipality)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        return await db.ProgressResponses.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == roundId && r.MunicipalityCode == municipality);
    }

    public static string AnswerUrl(int roundId, string municipality) => $"/progress/{roundId}/answers/{municipality}";

    /// <summary>Every item answered 実施中 (with （イ）'s stage), the fields of a complete answer.</summary>
    public static List<(string, string)> AllRunning()
    {
        var fields = new List<(string, string)>();
        for (var n = 0; n < ProgramItems.All.Length; n++)
        {
            fields.Add(($"Items[{n}].Status", nameof(ItemStatus.Running)));
            if (ProgramItems.All[n] == ProgramItem.I) fields.Add(($"Items[{n}].Stage", nameof(PdcaStage.Stage2)));
        }
        return fields;
    }

    public static int Index(ProgramItem item) => Array.IndexOf(ProgramItems.All, item);

    /// <summary>Posts the answer form as loaded in <paramref name="html"/> (its hidden fields) with the given fields and button.</summary>
    public static Task<HttpResponseMessage> PostAnswerAsync(WebSession session, string url, string html, string intent, IEnumerable<(string Key, string Value)> fields)
    {
        var form = WebSession.HiddenFields(html).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        form.Add(new("Intent", intent));
        return session.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpResponseMessage> AnswerAsync(WebSession session, int roundId, string municipality, string intent, IEnumerable<(string Key, string Value)> fields)
    {
        var url = AnswerUrl(roundId, municipality);
        return await PostAnswerAsync(session, url, await session.GetPageAsync(url), intent, fields);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
