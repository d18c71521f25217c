namespace Renkei.Web.Features.Regions;

public static class MunicipalityKindNames
{
    public static string Japanese(this MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.City => "市",
        MunicipalityKind.Town => "町",
        MunicipalityKind.Village => "村",
        MunicipalityKind.SpecialWard => "特別区",
        MunicipalityKind.DesignatedCity => "政令指定都市",
        MunicipalityKind.Ward => "行政区",
        _ => "不明",
    };
}
