using System.Net.Http.Headers;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;

namespace Renkei.Tests.Councils;

/// <summary>Test data written as the application itself, and posts that carry the page's hidden fields like a browser.</summary>
internal static class CouncilKit
{
    public sealed record Seeded(int CouncilId, Dictionary<Profession, int> Members, int MeetingId);

    /// <summary>A council with one member per given profession (the first one linked to <paramref name="memberOrganisationId"/>) and one meeting.</summary>
    public static async Task<Seeded> SeedAsync(RenkeiFactory factory, string municipality, string name, int? memberOrganisationId = null, params Profession[] professions)
    {
        if (professions.Length == 0) professions = [Profession.Physician, Profession.Nurse, Profession.CareManager, Profession.CareWorker, Profession.Administration];
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var council = new Council
        {
            MunicipalityCode = municipality, Name = name, Kind = CouncilKind.Council,
            Members = [.. professions.Select((p, i) => new CouncilMember
            {
                MunicipalityCode = municipality, OrganisationName = $"{p.Japanese()}の団体", Profession = p, Role = "委員",
                OrganisationId = i == 0 ? memberOrganisationId : null,
            })],
        };
        db.Councils.Add(council);
        await db.SaveChangesAsync();
        var meeting = new Meeting { CouncilId = council.Id, MunicipalityCode = municipality, HeldOn = new DateOnly(2025, 7, 17), Title = name + " 第1回" };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return new Seeded(council.Id, council.Members.ToDictionary(m => m.Profession, m => m.Id), meeting.Id);
    }

    /// <summary>Posts the last form of <paramref name="html"/> (its hidden fields) plus <paramref name="fields"/>; repeated keys allowed.</summary>
    public static Task<HttpResponseMessage> PostAsync(WebSession session, string url, string html, params (string Key, string Value)[] fields)
    {
        var form = WebSession.HiddenFields(html).Where(kv => !fields.Any(f => f.Key == kv.Key))
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return session.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Uploads a file on the meeting page as the browser's multipart form would; the hidden fields come from
    /// <paramref name="formFrom"/> (default: the meeting page) for callers who cannot open that page.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(WebSession session, int meetingId, string fileName, byte[] bytes, string contentType = "application/pdf", string? formFrom = null)
    {
        var url = $"/councils/meetings/{meetingId}";
        var html = await session.GetPageAsync(formFrom ?? url);
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in WebSession.HiddenFields(html)) content.Add(new StringContent(v), k);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        return await session.Client.PostAsync(url + "?handler=Upload", content);
    }

    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < size; i++) bytes[i] = (byte)(i * 31 % 251);
        return bytes;
    }
}
