using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// Contact persons (（ア）-11 入退院時の連絡窓口): editing from the provider page, the rules of who sees
/// them, and the roster with its downloads. Providers are made directly in the database (no import needed).
/// </summary>
public sealed class ProviderContactTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private int _aoba;     // 鳥取市の病院
    private int _kaede;    // 鳥取市の病院
    private int _sakura;   // 米子市の診療所

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        Provider Add(string name, ProviderKind kind, string muni, bool consent = false) => db.Providers.Add(new Provider
        {
            Name = name, Kind = kind, SearchKey = JapaneseText.SearchKey(name), PrefectureCode = "31", MunicipalityCode = muni,
            Phone = "0857-00-0001", PublicationConsent = consent,
            FieldMeta = new() { ["Name"] = new FieldMeta(DataSource.Manual, null, "test", false, FieldVisibility.Public) },
        }).Entity;
        // Added in the opposite of name order, so that id order and name order differ.
        var kaede = Add("かえで病院", ProviderKind.Hospital, TestWorld.Tottori, consent: true);
        var sakura = Add("さくら診療所", ProviderKind.Clinic, TestWorld.Yonago);
        var aoba = Add("あおば病院", ProviderKind.Hospital, TestWorld.Tottori);
        await db.SaveChangesAsync();
        (_aoba, _kaede, _sakura) = (aoba.Id, kaede.Id, sakura.Id);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private static Dictionary<string, string> ContactForm(string html, Dictionary<string, string> values)
    {
        var fields = WebSession.HiddenFields(html);
        foreach (var (k, v) in values) fields["Input." + k] = v;
        return fields;
    }

    private async Task<HttpResponseMessage> AddContactAsync(WebSession session, int providerId, Dictionary<string, string> values)
    {
        var url = $"/directory/{providerId}/contacts/edit";
        return await session.PostAsync(url, ContactForm(await session.GetPageAsync(url), values));
    }

    private async Task<List<ProviderContact>> ContactsAsync(int providerId)
    {
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        return await db.ProviderContacts.AsNoTracking().Where(c => c.ProviderId == providerId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
    }

    private async Task SeedContactsAsync()
    {
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        db.ProviderContacts.AddRange(
            new ProviderContact { ProviderId = _kaede, Department = "地域連携室", Phone = "0857-11-1111", Email = "renkei@kaede.example.jp", SortOrder = 0 },
            new ProviderContact { ProviderId = _kaede, Department = "内部連絡係", Phone = "0857-99-0000", Visibility = FieldVisibility.Internal, SortOrder = 1 },
            new ProviderContact { ProviderId = _aoba, Department = "患者支援センター", Phone = "0857-22-2222", SortOrder = 0 },
            new ProviderContact { ProviderId = _sakura, Role = "看護師長", Phone = "0859-33-3333", SortOrder = 0 });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Staff_add_edit_reorder_and_delete_contacts_and_every_change_is_audited()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var added = await AddContactAsync(staff, _kaede, new()
        {
            ["Department"] = "地域医療連携室", ["Role"] = "医療ソーシャルワーカー", ["PersonName"] = "鳥取 花子",
            ["Phone"] = "０８５７（２２）１１１１", ["Fax"] = "0857-22-1112", ["Email"] = "ｒｅｎｋｅｉ@kaede.example.jp", ["Hours"] = "平日 8:30〜17:15",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/directory/{_kaede}#contacts", added.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await AddContactAsync(staff, _kaede, new() { ["Department"] = "退院支援室", ["Phone"] = "0857-22-3333" })).StatusCode);

        var contacts = await ContactsAsync(_kaede);
        Assert.Equal(["地域医療連携室", "退院支援室"], contacts.Select(c => c.Department));
        var first = contacts[0];
        Assert.Equal("0857-22-1111", first.Phone); // normalised by ContactText
        Assert.Equal("renkei@kaede.example.jp", first.Email);
        Assert.Equal(FieldVisibility.Professionals, first.Visibility);
        Assert.Equal("tottori-staff", first.UpdatedBy);

        var page = await staff.GetPageAsync($"/directory/{_kaede}");
        Assert.Matches("地域医療連携室.*退院支援室", Regex.Replace(page, "\\s+", " "));
        Assert.Contains("連絡窓口を追加", page, StringComparison.Ordinal);

        // 退院支援室 up: it comes first.
        var move = await staff.PostAsync($"/directory/{_kaede}/contacts?handler=move",
            WebSession.HiddenFields(page, new() { ["contactId"] = contacts[1].Id.ToString(), ["up"] = "true", ["__FormToken"] = Guid.NewGuid().ToString("N") }));
        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(["退院支援室", "地域医療連携室"], (await ContactsAsync(_kaede)).Select(c => c.Department));

        var editUrl = $"/directory/{_kaede}/contacts/edit/{first.Id}";
        var editForm = await staff.GetPageAsync(editUrl);
        Assert.Contains("value=\"0857-22-1111\"", editForm, StringComparison.Ordinal);
        var fields = WebSession.HiddenFields(editForm);
        foreach (Match m in Regex.Matches(editForm, "name=\"(Input\\.[A-Za-z]+)\"[^>]*value=\"([^\"]*)\"")) fields.TryAdd(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Hours"] = "24時間（夜間は当直師長）";
        fields["Input.Visibility"] = "Internal";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(editUrl, fields)).StatusCode);
        var edited = (await ContactsAsync(_kaede)).Single(c => c.Id == first.Id);
        Assert.Equal("24時間（夜間は当直師長）", edited.Hours);
        Assert.Equal(FieldVisibility.Internal, edited.Visibility);
        Assert.Equal("鳥取 花子", edited.PersonName); // untouched fields survive the edit

        var delete = await staff.PostAsync($"/directory/{_kaede}/contacts?handler=delete",
            WebSession.HiddenFields(page, new() { ["contactId"] = first.Id.ToString(), ["version"] = edited.Version.ToString(), ["__FormToken"] = Guid.NewGuid().ToString("N") }));
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(["退院支援室"], (await ContactsAsync(_kaede)).Select(c => c.Department));

        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            var key = first.Id.ToString();
            var log = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ProviderContact) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Update, AuditActions.Delete], log.Select(a => a.Action));
            Assert.All(log, a => Assert.Equal("tottori-staff", a.UserName));
            // Filed under the provider's municipality, whose log shows them whoever made the change.
            Assert.All(log, a => Assert.Equal(TestWorld.Tottori, a.MunicipalityCode));
            Assert.Contains("24時間（夜間は当直師長）", log[2].Changes, StringComparison.Ordinal);
            // Each filed under its provider too, deletion included.
            Assert.All(log, a => Assert.Equal((nameof(Provider), _kaede.ToString()), (a.ParentType, a.ParentKey)));
        }

        // The provider's history shows the contact's changes in the words of the page: in full to the municipality's staff,
        Assert.Matches("連絡窓口「地域医療連携室」を追加.*担当者名: （なし） → 鳥取 花子.*連絡窓口「地域医療連携室」を変更.*対応時間: 平日 8:30〜17:15 → 24時間（夜間は当直師長）.*公開範囲: 関係者のみ → 市区町村内部のみ.*連絡窓口「地域医療連携室」を削除",
            HistoryText(await staff.GetPageAsync($"/directory/{_kaede}")));
        // and to a professional of another municipality only while the contact was not internal.
        using var other = await WebSession.SignInAsync(_factory, "yonago-staff");
        var seen = HistoryText(await other.GetPageAsync($"/directory/{_kaede}"));
        Assert.Contains("担当者名: （なし） → 鳥取 花子", seen, StringComparison.Ordinal);
        Assert.Contains("市区町村内部のみの連絡窓口の変更", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("24時間（夜間は当直師長）", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("を削除", seen, StringComparison.Ordinal);
    }

    /// <summary>The provider page's history table as text, oldest entry first.</summary>
    private static string HistoryText(string page)
    {
        var table = Regex.Match(page, "data-testid=\"provider-history\".*?</table>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(table);
        var rows = Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")), "\\s+", " ").Trim());
        return string.Join(" | ", rows.Reverse());
    }

    [Fact]
    public async Task Bad_values_are_explained_in_Japanese_and_nothing_is_saved()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var empty = await (await AddContactAsync(staff, _kaede, new() { ["Hours"] = "平日" })).Content.ReadAsStringAsync();
        Assert.Contains("部署・役職・担当者名のいずれかを入力してください。", empty, StringComparison.Ordinal);

        var response = await AddContactAsync(staff, _kaede, new()
        {
            ["Department"] = "地域連携室", ["Phone"] = "でんわ", ["Fax"] = "12", ["Email"] = "renkei@", ["Notes"] = new string('あ', 1001), ["Visibility"] = "Public",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("電話番号は数字とハイフンで入力してください（例：0857-22-2346）。", html, StringComparison.Ordinal);
        Assert.Contains("FAX番号は数字とハイフンで入力してください（例：0857-22-2346）。", html, StringComparison.Ordinal);
        Assert.Contains("メールアドレスの形式が正しくありません（例：renkei@example.jp）。", html, StringComparison.Ordinal);
        Assert.Contains("備考は1000文字以内で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("公開範囲を選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"でんわ\"", html, StringComparison.Ordinal); // what was typed stays in the form

        var noWay = await (await AddContactAsync(staff, _kaede, new() { ["Department"] = "地域連携室" })).Content.ReadAsStringAsync();
        Assert.Contains("電話番号・FAX番号・メールアドレスのいずれかを入力してください。", noWay, StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync(_kaede));
    }

    [Fact]
    public async Task Two_people_editing_one_contact_the_second_is_told_and_keeps_the_typed_text()
    {
        await SeedContactsAsync();
        var contact = (await ContactsAsync(_kaede))[0];
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        using var admin = await WebSession.SignInAsync(_factory, "tottori-admin");
        var url = $"/directory/{_kaede}/contacts/edit/{contact.Id}";
        var staffForm = await staff.GetPageAsync(url);
        var adminForm = await admin.GetPageAsync(url);
        // The provider page both opened (its delete button carries the version it showed).
        var staffPage = await staff.GetPageAsync($"/directory/{_kaede}");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(url, ContactForm(adminForm, new() { ["Department"] = "地域連携室", ["Phone"] = "0857-11-1111", ["Hours"] = "平日 9時〜17時" }))).StatusCode);
        var late = await staff.PostAsync(url, ContactForm(staffForm, new() { ["Department"] = "地域連携室", ["Phone"] = "0857-11-1111", ["Hours"] = "土日も対応" }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains(Concurrency.Message, html, StringComparison.Ordinal);
        Assert.Contains("value=\"土日も対応\"", html, StringComparison.Ordinal);
        Assert.Equal("平日 9時〜17時", (await ContactsAsync(_kaede))[0].Hours);

        // Deleting from the stale provider page is refused too: the admin's change is not lost unseen.
        var version = Regex.Match(staffPage, $"name=\"contactId\" value=\"{contact.Id}\" /><input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(version);
        var delete = await staff.PostAsync($"/directory/{_kaede}/contacts?handler=delete",
            WebSession.HiddenFields(staffPage, new() { ["contactId"] = contact.Id.ToString(), ["version"] = version, ["__FormToken"] = Guid.NewGuid().ToString("N") }));
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Contains(Concurrency.Message, await staff.GetPageAsync(delete.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Contains(await ContactsAsync(_kaede), c => c.Id == contact.Id);
    }

    [Fact]
    public async Task Internal_contacts_only_for_readers_of_the_municipality_and_residents_never_see_contacts()
    {
        await SeedContactsAsync();
        var details = $"/directory/{_kaede}";

        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var own = await staff.GetPageAsync(details);
        Assert.Contains("地域連携室", own, StringComparison.Ordinal);
        Assert.Contains("内部連絡係", own, StringComparison.Ordinal);

        // A clinic's doctor and another municipality's staff: professionals' contacts only, and no editing.
        foreach (var name in new[] { "doctor", "yonago-staff" })
        {
            using var other = await WebSession.SignInAsync(_factory, name);
            var page = await other.GetPageAsync(details);
            Assert.Contains("地域連携室", page, StringComparison.Ordinal);
            Assert.DoesNotContain("内部連絡係", page, StringComparison.Ordinal);
            Assert.DoesNotContain("0857-99-0000", page, StringComparison.Ordinal);
            Assert.DoesNotContain("連絡窓口を追加", page, StringComparison.Ordinal);
            var roster = await other.GetPageAsync("/directory/contacts?Pref=31&Muni=");
            Assert.Contains("地域連携室", roster, StringComparison.Ordinal);
            Assert.DoesNotContain("内部連絡係", roster, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/directory/{_kaede}/contacts/edit")).StatusCode);
        }
        using (var yonago = await WebSession.SignInAsync(_factory, "yonago-staff"))
        {
            var contact = (await ContactsAsync(_kaede))[0];
            var page = await yonago.GetPageAsync(details);
            var refused = await yonago.PostAsync($"/directory/{_kaede}/contacts?handler=delete",
                WebSession.HiddenFields(page, new() { ["contactId"] = contact.Id.ToString(), ["version"] = "0", ["__FormToken"] = Guid.NewGuid().ToString("N") }));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(2, (await ContactsAsync(_kaede)).Count);
        }

        // Residents: no sign-in, no contacts — not on the provider page, the roster, the downloads, nor the public page (かえで病院 consented).
        using var resident = WebSession.Open(_factory);
        foreach (var url in new[] { details, "/directory/contacts", "/directory/contacts/export/csv?Pref=31" })
        {
            var response = await resident.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        var publicPage = await resident.GetPageAsync($"/public/directory?Pref=31&Muni={TestWorld.Tottori}");
        Assert.Contains("かえで病院", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("地域連携室", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("0857-11-1111", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("renkei@kaede.example.jp", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roster_downloads_list_the_chosen_area_sorted_by_provider_name()
    {
        await SeedContactsAsync();
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");

        var response = await staff.GetAsync("/directory/contacts/export/csv?Pref=31&Muni=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("資源名称,種別,市区町村,代表電話,部署,役職・職種,担当者,電話,FAX,メール,対応時間,備考,公開範囲", lines[0]);
        // Name order (あ, か, さ), and a provider's contacts in their own order; staff of 鳥取市 see its internal contact.
        Assert.Equal(["あおば病院,病院,鳥取市,0857-00-0001,患者支援センター,,,0857-22-2222,,,,,関係者のみ",
                      "かえで病院,病院,鳥取市,0857-00-0001,地域連携室,,,0857-11-1111,,renkei@kaede.example.jp,,,関係者のみ",
                      "かえで病院,病院,鳥取市,0857-00-0001,内部連絡係,,,0857-99-0000,,,,,市区町村内部のみ",
                      "さくら診療所,診療所,米子市,0857-00-0001,,看護師長,,0859-33-3333,,,,,関係者のみ"], lines[1..]);

        var desc = await staff.Client.GetStringAsync("/directory/contacts/export/csv?Pref=31&Muni=&Sort=name-desc");
        Assert.Matches("さくら診療所.*かえで病院.*あおば病院", desc.Replace("\r\n", " ", StringComparison.Ordinal));
        var clinics = await staff.Client.GetStringAsync("/directory/contacts/export/csv?Pref=31&Muni=&Kind=Clinic");
        Assert.Equal(2, clinics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var tottori = await staff.Client.GetStringAsync($"/directory/contacts/export/csv?Pref=31&Muni={TestWorld.Tottori}");
        Assert.DoesNotContain("さくら診療所", tottori, StringComparison.Ordinal);

        var xlsx = await staff.Client.GetByteArrayAsync("/directory/contacts/export/xlsx?Pref=31&Muni=");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["あおば病院", "かえで病院", "かえで病院", "さくら診療所"], rows.Select(r => r["資源名称"]?.ToString()));

        // The page: same rows, and a link to the roster from the directory search.
        var roster = await staff.GetPageAsync("/directory/contacts?Pref=31&Muni=");
        Assert.Equal(4, Regex.Matches(roster, "data-testid=\"roster-row\"").Count);
        Assert.Contains("href=\"/directory/contacts\"", await staff.GetPageAsync("/directory"), StringComparison.Ordinal);

        var (s, db) = _factory.SystemDb();
        await using (s)
            Assert.Equal(5, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(ProviderContact) && a.UserName == "tottori-staff"));
    }
}
