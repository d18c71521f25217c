using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// A survey (調査) a municipality sends its providers to learn what public data lacks: home-care
/// functions, its own free questions and, optionally, basic contact fields to confirm.
/// </summary>
public class Survey : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Title { get; set; }
    /// <summary>Last day (Japan time) on which the links work.</summary>
    public DateOnly Deadline { get; set; }
    /// <summary>Codes from <see cref="Directory.FunctionCatalog"/> asked as 対応の有無.</summary>
    public List<string> FunctionCodes { get; set; } = [];
    /// <summary>Names from <see cref="Directory.ProviderFields"/> the provider is asked to confirm.</summary>
    public List<string> FieldNames { get; set; } = [];
    public List<string> Questions { get; set; } = [];
    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public long Version { get; set; }
    public List<SurveyRecipient> Recipients { get; set; } = [];

    /// <summary>Links work through the deadline day in Japan time.</summary>
    public bool IsOpen(DateOnly todayJst) => todayJst <= Deadline;
}

/// <summary>
/// One provider asked by a survey, with its private link. Only the SHA-256 of the link's token is
/// stored, so a database copy cannot be used to answer in a provider's name.
/// </summary>
public class SurveyRecipient : IVersioned, IAuditedInMunicipality
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int ProviderId { get; set; }
    /// <summary>Copied from the survey: the audit files anonymous answers under it.</summary>
    public required string MunicipalityCode { get; set; }
    public string? TokenHash { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public long Version { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>
/// One answered item: "field:Phone", "function:tpn" (value "yes"/"no") or "question:0". Kept whether
/// or not staff accept it, so the provider's own words stay on record.
/// </summary>
public class SurveyAnswer : IAuditedInMunicipality
{
    public int Id { get; set; }
    public int RecipientId { get; set; }
    public int ProviderId { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Item { get; set; }
    public string? Value { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public string? AcceptedBy { get; set; }
}
