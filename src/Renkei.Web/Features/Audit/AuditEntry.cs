namespace Renkei.Web.Features.Audit;

/// <summary>
/// One audited event: a change to a record (written centrally by <see cref="AuditInterceptor"/>),
/// a read of personal data, or a security event such as a sign-in. Never updated or deleted by the app.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityKey { get; set; }
    /// <summary>The record this one belongs to (<see cref="Platform.Data.IAuditedUnder"/>): a contact's provider.</summary>
    public string? ParentType { get; set; }
    public string? ParentKey { get; set; }
    /// <summary>Changed fields as JSON {"field": [old, new]}; secrets are masked.</summary>
    public string? Changes { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public int? ActorOrganisationId { get; set; }
    /// <summary>The municipality the record belongs to, when it belongs to one: lets its admins find it.</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>The organisation the record is about (an organisation, or a user's organisation).</summary>
    public int? SubjectOrganisationId { get; set; }
    public string? IpAddress { get; set; }
}

public static class AuditActions
{
    public const string Create = "作成";
    public const string Update = "更新";
    public const string Delete = "削除";
    public const string Read = "閲覧";
    public const string SignIn = "サインイン";
    public const string SignInFailed = "サインイン失敗";
    public const string LockedOut = "ロックアウト";
    public const string SignOut = "サインアウト";
    public const string AccessDenied = "アクセス拒否";
    public const string Import = "取込";
}
