namespace Renkei.Web.Features.Directory;

/// <summary>
/// 介護サービスの種類 and their codes as the 介護サービス情報公表システム open data names its files
/// (jigyosho_NNN.csv). Source: 厚生労働省「介護サービス情報公表システム オープンデータ」一覧.
/// </summary>
public static class CareServiceTypes
{
    public static readonly IReadOnlyDictionary<string, string> NameByCode = new Dictionary<string, string>
    {
        ["110"] = "訪問介護", ["120"] = "訪問入浴介護", ["130"] = "訪問看護", ["140"] = "訪問リハビリテーション",
        ["150"] = "通所介護", ["155"] = "療養通所介護", ["160"] = "通所リハビリテーション", ["170"] = "福祉用具貸与",
        ["210"] = "短期入所生活介護", ["220"] = "短期入所療養介護（介護老人保健施設）", ["230"] = "短期入所療養介護（介護療養型医療施設等）",
        ["320"] = "認知症対応型共同生活介護", ["331"] = "特定施設入居者生活介護（有料老人ホーム）", ["410"] = "特定福祉用具販売",
        ["430"] = "居宅介護支援", ["510"] = "介護老人福祉施設", ["520"] = "介護老人保健施設", ["540"] = "地域密着型介護老人福祉施設入所者生活介護",
        ["550"] = "介護医療院", ["710"] = "夜間対応型訪問介護", ["720"] = "認知症対応型通所介護", ["730"] = "小規模多機能型居宅介護",
        ["760"] = "定期巡回・随時対応型訪問介護看護", ["770"] = "看護小規模多機能型居宅介護", ["780"] = "地域密着型通所介護",
    };

    public static string Name(string? code) => code is not null && NameByCode.TryGetValue(code, out var n) ? n : code ?? "";

    /// <summary>訪問看護 is a kind of its own in the directory; every other service is a care service.</summary>
    public static ProviderKind KindOf(string code) => code == "130" ? ProviderKind.VisitingNursing : ProviderKind.CareService;
}
