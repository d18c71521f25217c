using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

public enum MatchReviewStatus
{
    Open = 0,       // 未確認
    Merged = 1,     // 同一として統合した
    KeptApart = 2,  // 別の事業所として残した
}

/// <summary>
/// A pair the importer could not decide: a provider it created from a file, and an existing provider
/// of another source that may be the same facility (see <see cref="Import.SourceMatcher"/>). Staff merge
/// the pair or keep it apart. The names are copied so the record still reads after a merge deletes one side.
/// </summary>
public class MatchReview : IVersioned
{
    public int Id { get; set; }
    /// <summary>The provider the import created (null once merged away).</summary>
    public int? ProviderId { get; set; }
    /// <summary>The existing provider it may duplicate.</summary>
    public int? CandidateId { get; set; }
    public required string ProviderLabel { get; set; }
    public required string CandidateLabel { get; set; }
    /// <summary>Why the pair was proposed, in Japanese (e.g. 名称が一致・住所が異なる).</summary>
    public required string Reason { get; set; }
    public DataSource Source { get; set; }
    public int? ImportRunId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public MatchReviewStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public long Version { get; set; }
}
