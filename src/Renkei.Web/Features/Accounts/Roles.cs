namespace Renkei.Web.Features.Accounts;

/// <summary>Role names (Identity roles). Keep in step with <see cref="Japanese"/>.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string OrgAdmin = "OrgAdmin";
    public const string ProgramStaff = "ProgramStaff";
    public const string Coordinator = "Coordinator";
    public const string Professional = "Professional";

    public static readonly string[] All = [SystemAdmin, OrgAdmin, ProgramStaff, Coordinator, Professional];

    /// <summary>Admins must use two-factor sign-in.</summary>
    public static readonly string[] RequireTwoFactor = [SystemAdmin, OrgAdmin];

    public static string Japanese(string role) => role switch
    {
        SystemAdmin => "システム管理者",
        OrgAdmin => "組織管理者",
        ProgramStaff => "事業担当者",
        Coordinator => "コーディネーター",
        Professional => "専門職",
        _ => role,
    };
}
