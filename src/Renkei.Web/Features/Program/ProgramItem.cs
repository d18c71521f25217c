namespace Renkei.Web.Features.Program;

/// <summary>The eight items （ア）〜（ク） of the 在宅医療・介護連携推進事業 (介護保険法施行規則 第140条の62の8).</summary>
public enum ProgramItem
{
    A = 1, // （ア）地域の医療・介護の資源の把握
    I = 2, // （イ）課題の抽出と対応策の検討
    U = 3, // （ウ）切れ目のない提供体制の構築推進
    E = 4, // （エ）情報共有の支援
    O = 5, // （オ）相談支援
    Ka = 6, // （カ）研修
    Ki = 7, // （キ）普及啓発
    Ku = 8, // （ク）関係市区町村の連携
}

public static class ProgramItems
{
    public static readonly ProgramItem[] All = Enum.GetValues<ProgramItem>();

    public static string Label(this ProgramItem item) => item switch
    {
        ProgramItem.A => "（ア）",
        ProgramItem.I => "（イ）",
        ProgramItem.U => "（ウ）",
        ProgramItem.E => "（エ）",
        ProgramItem.O => "（オ）",
        ProgramItem.Ka => "（カ）",
        ProgramItem.Ki => "（キ）",
        ProgramItem.Ku => "（ク）",
        _ => "",
    };

    public static string Title(this ProgramItem item) => item switch
    {
        ProgramItem.A => "地域の医療・介護の資源の把握",
        ProgramItem.I => "在宅医療・介護連携の課題の抽出と対応策の検討",
        ProgramItem.U => "切れ目のない在宅医療と在宅介護の提供体制の構築推進",
        ProgramItem.E => "在宅医療・介護関係者の情報共有の支援",
        ProgramItem.O => "在宅医療・介護連携に関する相談支援",
        ProgramItem.Ka => "医療・介護関係者の研修",
        ProgramItem.Ki => "地域住民への普及啓発",
        ProgramItem.Ku => "在宅医療・介護連携に関する関係市区町村の連携",
        _ => "",
    };

    /// <summary>URL slug used in routes: /items/a … /items/ku.</summary>
    public static string Slug(this ProgramItem item) => item.ToString().ToLowerInvariant();

    /// <summary>
    /// Where Renkei's module for this item lives, or null while it is not built. The home page says
    /// "未提供" plainly instead of showing invented figures. Add each module's page as it lands.
    /// </summary>
    public static string? ModuleUrl(this ProgramItem item) => item switch
    {
        ProgramItem.A => "/directory",
        ProgramItem.I => "/pdca",
        ProgramItem.Ku => "/areas",
        _ => null,
    };

    public static bool ModuleBuilt(this ProgramItem item) => item.ModuleUrl() is not null;
}
