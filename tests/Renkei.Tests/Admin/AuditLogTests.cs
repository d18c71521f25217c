using System.Net;
using System.Text;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.Admin;

/// <summary>/admin/audit: who sees which entries, the Japan-time date filter, and the CSV export.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditLogTests(AppFixture app)
{
    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task An_org_admin_sees_changes_made_in_own_organisation_but_not_in_another_and_a_system_admin_sees_both()
    {
        var tottoriMark = "監査テスト鳥取" + Guid.NewGuid().ToString("N")[..6];
        var yonagoMark = "監査テスト米子" + Guid.NewGuid().ToString("N")[..6];
        using (var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff"))
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/municipalities/{TestWorld.Tottori}/arrangements/ku", new() { ["Form.Method"] = "Direct", ["Form.Department"] = tottoriMark })).StatusCode);
        using (var staff = await WebSession.SignInAsync(app.Factory, "yonago-staff"))
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/municipalities/{TestWorld.Yonago}/arrangements/ku", new() { ["Form.Method"] = "Direct", ["Form.Department"] = yonagoMark })).StatusCode);

        const string search = "/admin/audit?entity=ItemArrangement";
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var seen = await tottori.GetPageAsync(search);
        Assert.Contains(tottoriMark, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(yonagoMark, seen, StringComparison.Ordinal);
        // The change is shown readably, field by field.
        Assert.Contains("Department:", seen, StringComparison.Ordinal);

        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-admin");
        seen = await yonago.GetPageAsync(search);
        Assert.Contains(yonagoMark, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(tottoriMark, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(tottoriMark, await yonago.GetPageAsync("/admin/audit?user=tottori-staff"), StringComparison.Ordinal);
        // The export applies the same limits as the page.
        Assert.DoesNotContain(tottoriMark, Encoding.UTF8.GetString(await yonago.Client.GetByteArrayAsync(search + "&handler=csv")), StringComparison.Ordinal);

        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        seen = await sys.GetPageAsync(search);
        Assert.Contains(tottoriMark, seen, StringComparison.Ordinal);
        Assert.Contains(yonagoMark, seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_are_whole_days_in_japan_time()
    {
        var type = "DateProbe" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.Database.CreateContext())
        {
            // 14:59:59 UTC is 23:59:59 in Japan on 1 April; one second later it is 2 April there.
            db.AuditEntries.Add(new AuditEntry { Action = AuditActions.Update, EntityType = type, EntityKey = "late-on-the-1st", AtUtc = new DateTime(2020, 4, 1, 14, 59, 59, DateTimeKind.Utc), ActorOrganisationId = app.Orgs["tottori"] });
            db.AuditEntries.Add(new AuditEntry { Action = AuditActions.Update, EntityType = type, EntityKey = "start-of-the-2nd", AtUtc = new DateTime(2020, 4, 1, 15, 0, 0, DateTimeKind.Utc), ActorOrganisationId = app.Orgs["tottori"] });
            await db.SaveChangesAsync();
        }
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        async Task<string> Search(string dates) => await admin.GetPageAsync($"/admin/audit?entity={type}&{dates}");

        var first = await Search("from=2020-04-01&to=2020-04-01");
        Assert.Contains("late-on-the-1st", first, StringComparison.Ordinal);
        Assert.Contains("2020/04/01 23:59:59", first, StringComparison.Ordinal);
        Assert.DoesNotContain("start-of-the-2nd", first, StringComparison.Ordinal);

        var second = await Search("from=2020-04-02");
        Assert.Contains("start-of-the-2nd", second, StringComparison.Ordinal);
        Assert.Contains("2020/04/02 00:00:00", second, StringComparison.Ordinal);
        Assert.DoesNotContain("late-on-the-1st", second, StringComparison.Ordinal);

        Assert.Contains("条件に合う記録はありません", await Search("from=2020-04-03"), StringComparison.Ordinal);
        Assert.Contains("開始日「2020-13-01」は日付として読めません", await Search("from=2020-13-01"), StringComparison.Ordinal);
        Assert.Contains("開始日が終了日より後になっています", await Search("from=2020-04-02&to=2020-04-01"), StringComparison.Ordinal);

        using var other = await WebSession.SignInAsync(app.Factory, "yonago-admin");
        Assert.Contains("条件に合う記録はありません", await other.GetPageAsync($"/admin/audit?entity={type}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_hold_fifty_entries_newest_first()
    {
        var type = "PageProbe" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.Database.CreateContext())
        {
            var start = new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 51; i++)
                db.AuditEntries.Add(new AuditEntry { Action = AuditActions.Update, EntityType = type, EntityKey = $"n{i:00}", AtUtc = start.AddMinutes(i) });
            await db.SaveChangesAsync();
        }
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var first = await sys.GetPageAsync($"/admin/audit?entity={type}");
        Assert.Contains("全 51 件中 1–50 件", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf(">n50<", StringComparison.Ordinal) < first.IndexOf(">n49<", StringComparison.Ordinal));
        Assert.DoesNotContain(">n00<", first, StringComparison.Ordinal);
        var second = await sys.GetPageAsync($"/admin/audit?entity={type}&p=2");
        Assert.Contains(">n00<", second, StringComparison.Ordinal);
        Assert.Contains("全 51 件中 51–51 件", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_bom_japanese_header_and_inert_quoted_cells()
    {
        // A visitor can put any text into the log through the user-name field of the sign-in page.
        var marker = Guid.NewGuid().ToString("N")[..8];
        var hostile = $"=HYPERLINK(\"http://x.example/{marker}\")";
        var withComma = $"a,b-{marker}";
        using (var visitor = WebSession.Open(app.Factory))
        {
            foreach (var name in new[] { hostile, withComma })
                await visitor.PostFormAsync("/account/login", new() { ["Form.UserName"] = name, ["Form.Password"] = "Wrong-Password-1" });
        }

        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var response = await sys.GetAsync($"/admin/audit?handler=csv&action={Q(AuditActions.SignInFailed)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("日時,操作,対象,キー,利用者,組織ID,市区町村コード,IPアドレス,変更内容\r\n", text, StringComparison.Ordinal);
        Assert.Contains($",\"'=HYPERLINK(\"\"http://x.example/{marker}\"\")\",", text, StringComparison.Ordinal);
        Assert.Contains($",\"a,b-{marker}\",", text, StringComparison.Ordinal);

        var rows = CsvText.Parse(text).ToList();
        Assert.All(rows, r => Assert.Equal(9, r.Fields.Count));
        Assert.Contains(rows, r => r.Fields[3] == "'" + hostile && r.Fields[1] == AuditActions.SignInFailed);
        Assert.Contains(rows, r => r.Fields[3] == withComma);
        Assert.DoesNotContain(rows, r => r.Fields.Any(f => f.Length > 0 && f[0] is '=' or '+' or '-' or '@'));
    }
}
