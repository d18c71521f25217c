using Renkei.Web.Features.Pdca;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

public enum AreaRuleKind
{
    Rule = 1, // ルール（入退院支援ルール等）
    Form = 2, // 様式（情報提供書等）
}

/// <summary>
/// A rule or form the municipalities of one 二次医療圏 agree to use in common (seed 004 （ク） 表4 例1:
/// 入退院時の共通様式や簡単なルール). Its text changes through <see cref="AreaRuleVersion"/>s.
/// </summary>
public class AreaRule : IVersioned, IPrefectureOwned
{
    public int Id { get; set; }
    public required string PrefectureCode { get; set; }
    public required string SecondaryAreaCode { get; set; }
    public AreaRuleKind Kind { get; set; }
    public required string Title { get; set; }
    public Scenes Scenes { get; set; }
    public string? Description { get; set; }
    public bool IsSample { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
    public List<AreaRuleVersion> Versions { get; set; } = [];
}

/// <summary>One version of a rule or form (第1版, 第2版…), optionally with its document.</summary>
public class AreaRuleVersion : IPrefectureOwned
{
    public int Id { get; set; }
    public int RuleId { get; set; }
    public required string PrefectureCode { get; set; }
    public required string Label { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string? Changes { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    /// <summary>SHA-256 of the document, hex; the bytes are in <see cref="AreaDocumentContent"/>.</summary>
    public string? Sha256 { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>The bytes of a version's document, apart so lists never load them.</summary>
public class AreaDocumentContent
{
    public int VersionId { get; set; }
    public required byte[] Bytes { get; set; }
}

/// <summary>Which municipality adopted which version, and when (a municipality's record; the prefecture may record it too).</summary>
public class AreaRuleAdoption : IPrefectureProxy
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public required string MunicipalityCode { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>
/// A joint meeting of the area's municipalities (seed 004 （ク） 実施内容(2)). When one municipality's
/// council meeting (（イ）) was the joint meeting, <see cref="MeetingId"/> links it instead of copying it.
/// </summary>
public class JointMeeting : IVersioned, IPrefectureOwned
{
    public int Id { get; set; }
    public required string PrefectureCode { get; set; }
    public required string SecondaryAreaCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Title { get; set; }
    /// <summary>主催 (e.g. 鳥取県東部福祉保健事務所, 鳥取市).</summary>
    public string? Host { get; set; }
    /// <summary>参加市町村 as 団体コード, comma-separated.</summary>
    public string? ParticipantCodes { get; set; }
    public string? Summary { get; set; }
    public int? MeetingId { get; set; }
    public bool IsSample { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>What a health centre did for home-care collaboration in one 年度 (seed 004 （ク）-2 lists examples).</summary>
public class HealthCentreActivity : IVersioned, IPrefectureOwned
{
    public int Id { get; set; }
    public required string PrefectureCode { get; set; }
    public required string SecondaryAreaCode { get; set; }
    /// <summary>The health centre (an <see cref="Organisations.Organisation"/> of kind 保健所), if registered.</summary>
    public int? OrganisationId { get; set; }
    public int FiscalYear { get; set; }
    public Program.ProgramItem? Item { get; set; }
    public required string Title { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? Description { get; set; }
    public bool IsSample { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}
