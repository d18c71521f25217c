using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Areas;
using Renkei.Web.Features.Audit;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

/// <summary>A version's document: checked like a council attachment, stored byte for byte, served only to the prefecture's readers.</summary>
[Collection(AppCollection.Name)]
public sealed class AreaDocumentTests(AppFixture app)
{
    private const string JapaneseName = "入退院時情報共有ルール 第3版（東部）.pdf";

    [Fact]
    public async Task A_document_round_trips_byte_identical_to_readers_of_the_prefecture_only_and_the_download_is_audited()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "文書テスト：入退院ルール");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var bytes = Pdf(200_000);
        Assert.Equal(HttpStatusCode.Redirect, (await PostVersionAsync(pref, East, ruleId, "第3版", new DateOnly(ThisYear, 10, 1), (JapaneseName, bytes))).StatusCode);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var version = await db.AreaRuleVersions.SingleAsync(v => v.RuleId == ruleId && v.Label == "第3版");
        Assert.Equal((JapaneseName, "application/pdf", (long)bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))),
            (version.FileName, version.ContentType, version.FileSize, version.Sha256));
        var url = $"/areas/documents/{version.Id}";
        Assert.Contains(url, await pref.GetPageAsync($"/areas/{East}"), StringComparison.Ordinal);

        foreach (var reader in new[] { "tottori-staff", "yonago-staff", "hc-staff" })
        {
            using var session = await WebSession.SignInAsync(app.Factory, reader);
            var download = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(JapaneseName, download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
        foreach (var outsider in new[] { "doctor", "shimane-staff" })
        {
            using var session = await WebSession.SignInAsync(app.Factory, outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(url)).StatusCode);
        }
        using var anonymous = WebSession.Open(app.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);

        var key = version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(AreaRuleVersion) && a.EntityKey == key && a.UserName == "yonago-staff"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityKey == key && a.UserName == "doctor"));
        // The log holds the version (name, size, hash), never the bytes.
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AreaDocumentContent)));
    }

    [Fact]
    public async Task A_program_renamed_pdf_is_refused_with_a_message_and_no_version_is_stored()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "文書テスト：偽のPDF");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        var response = await PostVersionAsync(pref, East, ruleId, "第3版", new DateOnly(ThisYear, 10, 1), ("様式.pdf", exe));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「様式.pdf」は登録できません。ファイルの内容が拡張子（.pdf）と一致しません。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.AreaRuleVersions.AnyAsync(v => v.RuleId == ruleId && v.Label == "第3版"));
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_a_message_and_no_version_is_stored()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "文書テスト：空のファイル");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var response = await PostVersionAsync(pref, East, ruleId, "第3版", new DateOnly(ThisYear, 10, 1), ("様式.pdf", []));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「様式.pdf」は空のファイルです（0 バイト）。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.AreaRuleVersions.AnyAsync(v => v.RuleId == ruleId && v.Label == "第3版"));
    }

    [Fact]
    public async Task Replacing_a_document_keeps_one_content_row_with_the_new_bytes()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, East, "文書テスト：差し替え");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await PostVersionAsync(pref, East, ruleId, "第2版", new DateOnly(ThisYear, 4, 1), ("旧.pdf", Pdf(1000)), versions[1])).StatusCode);
        var replacement = Pdf(3000);
        Assert.Equal(HttpStatusCode.Redirect, (await PostVersionAsync(pref, East, ruleId, "第2版", new DateOnly(ThisYear, 4, 1), ("新.pdf", replacement), versions[1])).StatusCode);
        var download = await pref.GetAsync($"/areas/documents/{versions[1]}");
        Assert.Equal(replacement, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("新.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }
}
