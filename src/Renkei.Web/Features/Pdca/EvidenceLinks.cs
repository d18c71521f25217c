namespace Renkei.Web.Features.Pdca;

/// <summary>A link from a Plan step to its evidence: a web page or a Renkei page (e.g. /regions/31).</summary>
public sealed record EvidenceLink(string Label, string Target)
{
    /// <summary>
    /// Only http(s) addresses and paths inside Renkei are links: a javascript: or data: address would run in
    /// the reader's session, and "//host" or "/\host" would leave the site while looking like a path.
    /// </summary>
    public static bool IsSafeTarget(string target)
    {
        if (target.StartsWith('/')) return target.Length == 1 || (target[1] != '/' && target[1] != '\\');
        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
    }
}

/// <summary>
/// The evidence of a step is stored as lines "label | URL or path" (<see cref="PdcaPlanStep.Evidence"/>):
/// one text field, readable in exports, and a textarea edits it without script.
/// </summary>
public static class EvidenceLinks
{
    public const int MaxLines = 20;

    public static List<EvidenceLink> Parse(string? text) =>
        [.. Lines(text).Select(line =>
        {
            var bar = line.LastIndexOf('|');
            var target = (bar < 0 ? line : line[(bar + 1)..]).Trim();
            var label = bar < 0 ? target : line[..bar].Trim();
            return new EvidenceLink(label.Length == 0 ? target : label, target);
        })];

    /// <returns>Japanese messages, one per bad line; empty when every line is a label and a safe link.</returns>
    public static List<string> Validate(string? text)
    {
        var errors = new List<string>();
        var links = Parse(text);
        if (links.Count > MaxLines) errors.Add($"根拠資料は{MaxLines}件までです。");
        for (var i = 0; i < links.Count; i++)
        {
            if (links[i].Label.Length > 200) errors.Add($"根拠資料の{i + 1}行目：名称は200文字以内にしてください。");
            if (!EvidenceLink.IsSafeTarget(links[i].Target))
                errors.Add($"根拠資料の{i + 1}行目：リンク先は http:// か https:// で始まるURL、または / で始まる Renkei 内のパスにしてください（「{links[i].Target}」）。");
        }
        return errors;
    }

    /// <summary>The stored form: trimmed "label | target" lines.</summary>
    public static string? Normalise(string? text)
    {
        var links = Parse(text);
        return links.Count == 0 ? null : string.Join("\n", links.Select(l => l.Label == l.Target ? l.Target : $"{l.Label} | {l.Target}"));
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
