namespace Renkei.Web.Features.Directory;

public static class ProviderKindNames
{
    public static string Japanese(this ProviderKind kind) => kind switch
    {
        ProviderKind.Hospital => "病院",
        ProviderKind.Clinic => "診療所",
        ProviderKind.DentalClinic => "歯科診療所",
        ProviderKind.Pharmacy => "薬局",
        ProviderKind.VisitingNursing => "訪問看護ステーション",
        ProviderKind.CareService => "介護サービス",
        _ => "不明",
    };

    /// <summary>What a row shows as its kind: the service name for a care service.</summary>
    public static string Describe(ProviderKind kind, string? serviceCode) =>
        kind == ProviderKind.CareService && serviceCode is not null ? CareServiceTypes.Name(serviceCode) : kind.Japanese();

    public static string Japanese(this IdentifierScheme scheme) => scheme switch
    {
        IdentifierScheme.IryojohoId => "医療情報ネット ID",
        IdentifierScheme.MedicalInstitutionCode => "医療機関コード",
        IdentifierScheme.CareOffice => "事業所番号:サービス種類",
        IdentifierScheme.CorporateNumber => "法人番号",
        _ => scheme.ToString(),
    };

    public static string SourceName(this DataSource source) => source switch
    {
        DataSource.KaigoOpenData => "介護サービス情報公表システム",
        DataSource.IryojohoNet => "医療情報ネット",
        DataSource.Kouseikyoku => "地方厚生局 施設基準届出",
        DataSource.Survey => "調査回答",
        DataSource.Manual => "職員による入力",
        _ => "不明",
    };
}
