namespace Renkei.Web.Features.Councils;

/// <summary>
/// The professions met in councils, training and care teams. Grouped (<see cref="ProfessionGroups"/>) so a
/// meeting's attendance shows whether medical and care voices were balanced (seed 004 （イ）-2).
/// </summary>
public enum Profession
{
    Other = 0,              // その他
    Physician = 1,          // 医師
    Dentist = 2,            // 歯科医師
    Pharmacist = 3,         // 薬剤師
    Nurse = 4,              // 看護師（訪問看護を含む）
    Therapist = 5,          // リハビリテーション専門職
    MedicalSocialWorker = 6, // 医療ソーシャルワーカー
    Dietitian = 7,          // 管理栄養士・栄養士
    CareManager = 8,        // 介護支援専門員
    CareWorker = 9,         // 介護職・介護サービス事業者
    HomeCareSupport = 10,   // 地域包括支援センター職員
    PublicHealthNurse = 11, // 保健師
    Administration = 12,    // 行政（市区町村・都道府県・保健所）
    Resident = 13,          // 住民・家族の代表
    Academic = 14,          // 学識経験者
}

public enum ProfessionGroup
{
    Medical = 1,  // 医療
    Care = 2,     // 介護
    Public = 3,   // 行政
    Other = 4,    // 住民・その他
}

public static class ProfessionGroups
{
    public static ProfessionGroup Group(this Profession p) => p switch
    {
        Profession.Physician or Profession.Dentist or Profession.Pharmacist or Profession.Nurse or Profession.Therapist
            or Profession.MedicalSocialWorker or Profession.Dietitian => ProfessionGroup.Medical,
        Profession.CareManager or Profession.CareWorker or Profession.HomeCareSupport => ProfessionGroup.Care,
        Profession.PublicHealthNurse or Profession.Administration => ProfessionGroup.Public,
        _ => ProfessionGroup.Other,
    };

    public static string Japanese(this Profession p) => p switch
    {
        Profession.Physician => "医師",
        Profession.Dentist => "歯科医師",
        Profession.Pharmacist => "薬剤師",
        Profession.Nurse => "看護師",
        Profession.Therapist => "リハビリ専門職",
        Profession.MedicalSocialWorker => "医療ソーシャルワーカー",
        Profession.Dietitian => "管理栄養士",
        Profession.CareManager => "介護支援専門員",
        Profession.CareWorker => "介護職・介護事業者",
        Profession.HomeCareSupport => "地域包括支援センター",
        Profession.PublicHealthNurse => "保健師",
        Profession.Administration => "行政",
        Profession.Resident => "住民・家族",
        Profession.Academic => "学識経験者",
        _ => "その他",
    };

    public static string Japanese(this ProfessionGroup g) => g switch
    {
        ProfessionGroup.Medical => "医療",
        ProfessionGroup.Care => "介護",
        ProfessionGroup.Public => "行政",
        _ => "住民・その他",
    };
}
