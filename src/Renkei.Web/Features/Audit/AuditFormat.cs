using System.Globalization;
using System.Text.Json;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Audit;

/// <summary>How audit entries read on screen and in the export.</summary>
public static class AuditFormat
{
    /// <summary>Japan time to the second: audit questions are often "what happened first".</summary>
    public static string Time(DateTime utc) => JapanTime.ToJst(utc).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The changes {"field": [old, new]} as lines "field: old → new". Entries that are not a change
    /// (sign-in details, denials) carry plain text, shown as it is.
    /// </summary>
    public static IReadOnlyList<string> ChangeLines(string? changes) => ChangeLines(changes, Line);

    /// <summary>
    /// The changes as lines "label: old → new" for the fields <paramref name="label"/> names in the words of the screen;
    /// the others (internal columns, fields the reader may not see) are left out. Plain text is shown as it is.
    /// </summary>
    public static IReadOnlyList<string> ChangeLines(string? changes, Func<string, string?> label) =>
        ChangeLines(changes, p => label(p.Name) is { } name ? LabelledLine(name, p.Value) : null);

    private static IReadOnlyList<string> ChangeLines(string? changes, Func<JsonProperty, string?> line)
    {
        if (string.IsNullOrEmpty(changes)) return [];
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [changes];
            return [.. doc.RootElement.EnumerateObject().Select(line).OfType<string>()];
        }
        catch (JsonException)
        {
            return [changes];
        }
    }

    private static string LabelledLine(string label, JsonElement value) =>
        value is { ValueKind: JsonValueKind.Array } v && v.GetArrayLength() == 2 ? $"{label}: {Text(v[0])} → {Text(v[1])}" : $"{label}: {Text(value)}";

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "（なし）",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "はい",
        JsonValueKind.False => "いいえ",
        _ => value.GetRawText(),
    };

    private static string Line(JsonProperty p) =>
        p.Value is { ValueKind: JsonValueKind.Array } v && v.GetArrayLength() == 2
            ? $"{p.Name}: {v[0].GetRawText()} → {v[1].GetRawText()}"
            : $"{p.Name}: {p.Value.GetRawText()}";

    /// <summary>What an audited record is, in the words of the screen (the type name stays beside it for support).</summary>
    public static string EntityName(string? type) => type switch
    {
        null or "" => "",
        "AppUser" => "アカウント",
        "Organisation" => "組織",
        "HealthCentreCoverage" => "保健所の管轄",
        "ItemArrangement" => "事業項目の実施体制",
        "IdentityUserRole`1" or "IdentityUserRole<string>" => "役割の付与",
        "IdentityUserToken`1" or "IdentityUserToken<string>" => "認証情報",
        _ => type,
    };

    /// <summary>The action names for the filter, read from <see cref="AuditActions"/> so a new action appears by itself.</summary>
    public static IReadOnlyList<string> Actions { get; } =
        [.. typeof(AuditActions).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
}
