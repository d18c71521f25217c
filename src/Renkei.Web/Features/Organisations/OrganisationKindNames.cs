namespace Renkei.Web.Features.Organisations;

public static class OrganisationKindNames
{
    public static string Japanese(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Prefecture => "都道府県",
        OrganisationKind.HealthCentre => "保健所",
        OrganisationKind.Municipality => "市区町村",
        OrganisationKind.CommunityCareCentre => "地域包括支援センター",
        OrganisationKind.CollaborationCentre => "在宅医療・介護連携支援センター",
        OrganisationKind.ProfessionalBody => "関係団体（医師会等）",
        OrganisationKind.MedicalInstitution => "医療機関",
        OrganisationKind.CareProvider => "介護事業所",
        _ => "不明",
    };

    /// <summary>Kinds that sit in one municipality (all but prefecture and health centre).</summary>
    public static bool NeedsMunicipality(this OrganisationKind kind) =>
        kind is not (OrganisationKind.Prefecture or OrganisationKind.HealthCentre);
}
