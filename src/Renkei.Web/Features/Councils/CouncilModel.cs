using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Councils;

public enum CouncilKind
{
    Council = 1,      // 協議会（推進会議）
    WorkingGroup = 2, // 部会・ワーキンググループ
}

/// <summary>
/// A council (協議会) or one of its working groups where the municipality and the local medical and care
/// organisations meet （イ）. Children carry the municipality too, so the tenant filter and guard cover them.
/// </summary>
public class Council : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Name { get; set; }
    public CouncilKind Kind { get; set; }
    /// <summary>The council a working group belongs to.</summary>
    public int? ParentId { get; set; }
    public string? Purpose { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }
    public List<CouncilMember> Members { get; set; } = [];
    public List<Meeting> Meetings { get; set; } = [];
}

/// <summary>A member: a person for a member organisation, with profession, role and term.</summary>
public class CouncilMember : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public required string MunicipalityCode { get; set; }
    /// <summary>The member body as written in the 設置要綱 (e.g. 鳥取市東部医師会).</summary>
    public required string OrganisationName { get; set; }
    /// <summary>A Renkei organisation when the body has one.</summary>
    public int? OrganisationId { get; set; }
    public string? PersonName { get; set; }
    public Profession Profession { get; set; }
    /// <summary>会長, 副会長, 委員 …</summary>
    public string? Role { get; set; }
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
    public long Version { get; set; }
}

/// <summary>One meeting: date, agenda, minutes and decisions; attendance is recorded per member (and guests).</summary>
public class Meeting : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public required string MunicipalityCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Title { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
    public List<MeetingAttendance> Attendance { get; set; } = [];
}

/// <summary>Who attended: a member (<see cref="MemberId"/>) or a guest named here, with the profession counted.</summary>
public class MeetingAttendance : ITenantOwned
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string MunicipalityCode { get; set; }
    public int? MemberId { get; set; }
    public string? GuestName { get; set; }
    public Profession Profession { get; set; }
}

/// <summary>
/// A file attached to a record (a meeting's materials, an issue's evidence). The bytes live in
/// <see cref="AttachmentContent"/> in the database, so every instance serves them and backups hold them;
/// downloads go through a page that checks the tenant, never through static files.
/// </summary>
public class Attachment : ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    /// <summary>What it is attached to: "Meeting", "Issue", …</summary>
    public required string OwnerType { get; set; }
    public int OwnerId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the bytes, hex.</summary>
    public required string Sha256 { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedBy { get; set; }
}

public class AttachmentContent
{
    public int AttachmentId { get; set; }
    public required byte[] Bytes { get; set; }
}
