using System.Globalization;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Audit;

/// <summary>
/// The audit search, bound from the query string so a search is a URL that can be shared.
/// Dates are whole days in Japan time and parsed here (not by model binding) so a bad date gets
/// a Japanese message that names the field.
/// </summary>
public sealed class AuditFilter
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? User { get; set; }
    public string? Action { get; set; }
    public string? Entity { get; set; }
    public string? Key { get; set; }

    /// <summary>Checks the fields; returns the messages (empty when the search can run).</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        var from = ParseDate(From, "開始日", errors);
        var to = ParseDate(To, "終了日", errors);
        if (from > to) errors.Add("開始日が終了日より後になっています。");
        return errors;
    }

    /// <summary>Applies the filter. Call <see cref="Validate"/> first: unreadable dates are ignored here.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (ParseDate(From, "", null) is { } from)
        {
            var start = JapanTime.StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (ParseDate(To, "", null) is { } to)
        {
            // Inclusive whole day: everything before the next day's midnight in Japan.
            var end = JapanTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }
        if (Trimmed(User) is { } user) query = query.Where(a => a.UserName != null && a.UserName.Contains(user));
        if (Trimmed(Action) is { } action) query = query.Where(a => a.Action == action);
        if (Trimmed(Entity) is { } entity) query = query.Where(a => a.EntityType == entity);
        if (Trimmed(Key) is { } key) query = query.Where(a => a.EntityKey == key);
        return query;
    }

    /// <summary>The filter as query-string pairs (empty fields left out), for page links and the CSV link.</summary>
    public List<KeyValuePair<string, string?>> ToQuery() =>
        new (string Name, string? Value)[] { ("from", From), ("to", To), ("user", User), ("action", Action), ("entity", Entity), ("key", Key) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value!.Trim()))
            .ToList();

    /// <summary>"開始日 2026-04-01、操作 更新" — shown on the printout, where the form is hidden.</summary>
    public string Describe()
    {
        var names = new Dictionary<string, string> { ["from"] = "開始日", ["to"] = "終了日", ["user"] = "利用者", ["action"] = "操作", ["entity"] = "対象", ["key"] = "キー" };
        var parts = ToQuery().Select(p => $"{names[p.Key]} {p.Value}").ToList();
        return parts.Count == 0 ? "すべて" : string.Join("、", parts);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value, string field, List<string>? errors)
    {
        if (Trimmed(value) is not { } text) return null;
        // The date input sends yyyy-MM-dd; people typing by hand often use slashes.
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors?.Add($"{field}「{text}」は日付として読めません。2026-04-01 のように入力してください。");
        return null;
    }
}
