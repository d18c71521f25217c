namespace Renkei.Web.Features.Directory;

public enum FunctionGroup
{
    HomeCare = 1,        // 訪問診療等の対応（表1）
    Treatment = 2,       // 対応可能な診療内容（表1）
    Nursing = 3,         // 訪問看護の体制（表1）
    FacilityStandard = 4, // 施設基準の届出（地方厚生局）
}

public sealed record FunctionDefinition(string Code, string Name, FunctionGroup Group);

/// <summary>
/// The home-care functions Renkei tracks: seed 004 （参考）表１ (在宅医療・訪問看護の把握事項) and the
/// 施設基準 that 地方厚生局 lists carry (受理記号 → function, see <see cref="FromAcceptanceSymbol"/>).
/// Codes are stable identifiers stored in the database; names are what users read.
/// </summary>
public static class FunctionCatalog
{
    public static readonly IReadOnlyList<FunctionDefinition> All =
    [
        new("home-visit", "在宅患者訪問診療", FunctionGroup.HomeCare),
        new("house-call", "往診", FunctionGroup.HomeCare),
        new("dental-home-visit", "歯科訪問診療", FunctionGroup.HomeCare),
        new("pharmacy-home-care", "訪問薬剤管理指導", FunctionGroup.HomeCare),
        new("after-hours", "時間外における対応", FunctionGroup.HomeCare),
        new("terminal-care", "在宅ターミナルケア", FunctionGroup.Treatment),
        new("tpn", "中心静脈栄養", FunctionGroup.Treatment),
        new("tube-feeding", "経管栄養", FunctionGroup.Treatment),
        new("tracheostomy", "気管切開部の処置", FunctionGroup.Treatment),
        new("pain-management", "疼痛の管理（医療用麻薬）", FunctionGroup.Treatment),
        new("ventilator", "人工呼吸器（レスピレーター）", FunctionGroup.Treatment),
        new("suction", "喀痰吸引等", FunctionGroup.Treatment),
        new("emergency-nursing", "緊急時訪問看護", FunctionGroup.Nursing),
        new("end-of-life", "看取り（ターミナルケア体制）", FunctionGroup.Nursing),
        new("special-management", "特別管理（気管切開等への対応）", FunctionGroup.Nursing),
        new("home-support-clinic", "在宅療養支援診療所", FunctionGroup.FacilityStandard),
        new("home-support-hospital", "在宅療養支援病院", FunctionGroup.FacilityStandard),
        new("backup-hospital", "在宅療養後方支援病院", FunctionGroup.FacilityStandard),
        new("home-medical-management", "在宅時医学総合管理料", FunctionGroup.FacilityStandard),
        new("home-cancer-care", "在宅がん医療総合診療料", FunctionGroup.FacilityStandard),
        new("palliative-care", "在宅緩和ケア充実診療所・病院加算", FunctionGroup.FacilityStandard),
        new("dental-home-support", "在宅療養支援歯科診療所", FunctionGroup.FacilityStandard),
        new("dental-home-management", "在宅患者歯科治療時医療管理料", FunctionGroup.FacilityStandard),
        new("pharmacy-home-system", "在宅薬学総合体制加算", FunctionGroup.FacilityStandard),
        new("discharge-support", "入退院支援加算", FunctionGroup.FacilityStandard),
    ];

    private static readonly Dictionary<string, FunctionDefinition> ByCode = All.ToDictionary(f => f.Code);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static string Name(string code) => ByCode.TryGetValue(code, out var f) ? f.Name : code;

    // 受理記号 (with its trailing class number removed) → the functions it evidences. A 施設基準 is a
    // formal commitment: 在宅療養支援診療所 must offer 往診 and 訪問診療 around the clock, so it also
    // evidences those; a fee standard alone evidences only its own service.
    private static readonly Dictionary<string, string[]> Symbols = new()
    {
        ["支援診"] = ["home-support-clinic", "home-visit", "house-call", "after-hours"],
        ["支援病"] = ["home-support-hospital", "home-visit", "house-call", "after-hours"],
        ["在後病"] = ["backup-hospital"],
        ["在医総管"] = ["home-medical-management", "home-visit"],
        ["在総"] = ["home-cancer-care", "home-visit", "terminal-care"],
        ["在中栄"] = ["tpn"],
        ["在医麻"] = ["pain-management"],
        ["在緩診実"] = ["palliative-care", "terminal-care"],
        ["時間外"] = ["after-hours"],
        ["歯援診"] = ["dental-home-support", "dental-home-visit"],
        ["歯訪診"] = ["dental-home-visit"],
        ["在歯管"] = ["dental-home-management"],
        ["在薬"] = ["pharmacy-home-care"],
        ["在薬総"] = ["pharmacy-home-system", "pharmacy-home-care"],
        ["入退支"] = ["discharge-support"],
    };

    /// <summary>The functions a 受理記号 such as "支援診３" or "在薬" evidences; empty for symbols Renkei does not track.</summary>
    public static IReadOnlyList<string> FromAcceptanceSymbol(string symbol)
    {
        var key = symbol.Trim().TrimEnd('１', '２', '３', '４', '1', '2', '3', '4', 'Ⅰ', 'Ⅱ', 'Ⅲ');
        return Symbols.TryGetValue(key, out var codes) ? codes : [];
    }
}
