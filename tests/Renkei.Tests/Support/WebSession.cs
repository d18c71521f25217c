using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Renkei.Tests.Support;

/// <summary>
/// A browser-like HTTP session against the app: keeps cookies, reads the hidden form fields
/// (antiforgery and one-time form token) from a page and posts them back, like a user's browser.
/// </summary>
public sealed partial class WebSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static WebSession Open(RenkeiFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<WebSession> SignInAsync(RenkeiFactory factory, string userName)
    {
        var session = Open(factory);
        await session.SignInAsync(userName);
        return session;
    }

    public async Task SignInAsync(string userName)
    {
        var response = await PostFormAsync("/account/login", new() { ["Form.UserName"] = userName, ["Form.Password"] = TestWorld.Password });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
        {
            response = await PostFormAsync(response.Headers.Location.OriginalString, new() { ["Form.Code"] = Totp.Code(TestWorld.AuthenticatorKey, TimeProvider.System.GetUtcNow()) });
        }
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="url"/>, takes its form's hidden fields, overrides with <paramref name="fields"/>, posts to the form's page.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formHtml = null)
    {
        formHtml ??= await GetPageAsync(url);
        return await PostAsync(url, HiddenFields(formHtml, fields));
    }

    public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields) =>
        Client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>The hidden inputs of the last POST form on the page (the layout's sign-out form comes first).</summary>
    public static Dictionary<string, string> HiddenFields(string html, Dictionary<string, string>? overrides = null)
    {
        var forms = FormRegex().Matches(html);
        var form = forms.Count > 0 ? forms[^1].Value : html;
        var result = new Dictionary<string, string>();
        foreach (Match input in InputRegex().Matches(form))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.OrdinalIgnoreCase)) continue;
            var name = NameRegex().Match(tag);
            var value = ValueRegex().Match(tag);
            if (name.Success) result[WebUtility.HtmlDecode(name.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
        }
        foreach (var (k, v) in overrides ?? []) result[k] = v;
        return result;
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("\\sname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex NameRegex();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueRegex();

    public void Dispose() => Client.Dispose();
}
