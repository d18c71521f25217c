using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>How far a municipality has come with one item, in the words of the national survey (seed 002).</summary>
public enum ItemStatus
{
    Unanswered = 0,      // 未回答
    Running = 1,         // 実施している
    PlannedThisYear = 2, // 年度内に実施予定
    NotRunning = 3,      // 実施していない
}

/// <summary>（イ）'s stage (seed 002 「取組の段階」).</summary>
public enum PdcaStage
{
    None = 0,
    Stage1 = 1, // 現状の把握や課題の抽出、対応策について検討している
    Stage2 = 2, // 検討された対応策が具体化されている（評価は未実施）
    Stage3 = 3, // 対応策が具体化され、その実施状況について評価及び改善を行っている
}

/// <summary>The three kinds of （カ） training the national survey asks about.</summary>
[Flags]
public enum TrainingKinds
{
    None = 0,
    GroupWork = 1,      // 多職種のグループワーク等
    CareForMedical = 2, // 医療関係者向けの介護の研修
    MedicalForCare = 4, // 介護関係者向けの医療の研修
}

public enum RoundState
{
    Open = 1,   // 受付中
    Closed = 2, // 締切
}

/// <summary>
/// A progress survey round: the prefecture asks all its municipalities, as of one date, how far they
/// have come with （ア）〜（ク）. <see cref="IsSample"/> marks the demo's invented round.
/// </summary>
public class ProgressRound : IVersioned, IPrefectureOwned
{
    public int Id { get; set; }
    public required string PrefectureCode { get; set; }
    public required string Title { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly? DueOn { get; set; }
    public RoundState State { get; set; } = RoundState.Open;
    public string? Notes { get; set; }
    public bool IsSample { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>One municipality's answer to a round; written by the municipality or, on its behalf, by the prefecture.</summary>
public class ProgressResponse : IVersioned, IPrefectureProxy
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string MunicipalityCode { get; set; }
    public string? Notes { get; set; }
    /// <summary>Set when the answer is complete and handed in (提出); null while it is a draft.</summary>
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>True when prefecture (or health-centre) staff entered or imported it for the municipality.</summary>
    public bool EnteredByPrefecture { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
    public List<ProgressItemAnswer> Items { get; set; } = [];
}

/// <summary>The answer for one item （ア）〜（ク） within a response.</summary>
public class ProgressItemAnswer : IPrefectureProxy
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public required string MunicipalityCode { get; set; }
    public ProgramItem Item { get; set; }
    public ItemStatus Status { get; set; }
    /// <summary>When a not-yet-running item is planned to start (年度内実施予定 / 未実施).</summary>
    public DateOnly? PlannedOn { get; set; }
    /// <summary>Only for （イ）.</summary>
    public PdcaStage Stage { get; set; }
    /// <summary>Only for （カ）.</summary>
    public TrainingKinds Training { get; set; }
    public bool Commissioned { get; set; }
    /// <summary>委託先, free text (may be an organisation not registered in Renkei).</summary>
    public string? CommissionedTo { get; set; }
    /// <summary>都道府県・保健所の支援あり.</summary>
    public bool PrefectureSupported { get; set; }
    /// <summary>What Renkei knew when it pre-filled this answer (shown beside it), e.g. 「資源把握: 2026年度に確認 120件」.</summary>
    public string? Evidence { get; set; }
}
