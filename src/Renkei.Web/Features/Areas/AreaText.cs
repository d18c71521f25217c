using System.Globalization;

namespace Renkei.Web.Features.Areas;

/// <summary>The Japanese words of the area workspace, and the small conversions its forms need.</summary>
public static class AreaText
{
    public static readonly AreaRuleKind[] Kinds = [AreaRuleKind.Rule, AreaRuleKind.Form];

    public static string Japanese(this AreaRuleKind kind) => kind switch
    {
        AreaRuleKind.Rule => "ルール",
        AreaRuleKind.Form => "様式",
        _ => "",
    };

    /// <summary>
    /// What health centres did in one prefecture (seed 004 （ク）-2 資料：平成29年度の保健所の取組等), offered as
    /// suggestions for an activity's title; the user may type anything else.
    /// </summary>
    public static readonly string[] ActivitySuggestions =
    [
        "多職種連携研修",
        "在宅医療・介護連携に係る研修会",
        "地域医療情報連携ネットワークに関する説明会",
        "在宅歯科の普及啓発の講演会",
        "医療介護資源マップの作成",
        "在宅医療連携拠点の広域設置調整",
    ];

    /// <summary>"第3版": the label of the <paramref name="number"/>-th version, offered for a new one.</summary>
    public static string VersionLabel(int number) => string.Create(CultureInfo.InvariantCulture, $"第{number}版");

    /// <summary>The 団体コード list stored in <see cref="JointMeeting.ParticipantCodes"/>.</summary>
    public static List<string> Codes(string? joined) =>
        string.IsNullOrWhiteSpace(joined) ? [] : [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string? Join(IEnumerable<string> codes)
    {
        var list = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>Trimmed text, or null when blank (optional fields are stored as null, not "").</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
