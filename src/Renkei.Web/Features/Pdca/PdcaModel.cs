using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>The four scenes of home care the program organises its goals around (seed 004).</summary>
[Flags]
public enum Scenes
{
    None = 0,
    DailyCare = 1,          // 日常の療養支援
    AdmissionDischarge = 2, // 入退院支援
    Emergency = 4,          // 急変時の対応
    EndOfLife = 8,          // 看取り
}

public enum IssuePriority { High = 1, Medium = 2, Low = 3 }

/// <summary>Where an issue came from.</summary>
public enum IssueSource { Meeting = 1, Hearing = 2, Survey = 3, Data = 4, Other = 5 }

public enum WorkStatus
{
    NotStarted = 0, // 未着手
    InProgress = 1, // 取組中
    Done = 2,       // 完了・解決
    OnHold = 3,     // 保留
}

/// <summary>課題: a problem of home medical and care cooperation, with its evidence and tags.</summary>
public class ProgramIssue : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    /// <summary>The 年度 it was raised in (start year).</summary>
    public int FiscalYear { get; set; }
    public required string Statement { get; set; }
    public string? Evidence { get; set; }
    public Scenes Scenes { get; set; }
    /// <summary>Program items （ア）〜（ク） it concerns, as bits 1 &lt;&lt; <see cref="ProgramItem"/>.</summary>
    public int Items { get; set; }
    public IssuePriority Priority { get; set; } = IssuePriority.Medium;
    public IssueSource Source { get; set; }
    /// <summary>The meeting it was raised at, when <see cref="Source"/> is a meeting.</summary>
    public int? MeetingId { get; set; }
    public WorkStatus Status { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

public enum GoalKind
{
    Ideal = 1,     // 目指す理想像（長期目標）
    ShortTerm = 2, // 短期目標
}

/// <summary>The long-term ideal of a scene, or a short-term goal linked to issues.</summary>
public class Goal : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public GoalKind Kind { get; set; }
    public Scenes Scene { get; set; }
    public required string Statement { get; set; }
    /// <summary>The 年度 a short-term goal is for (null for the ideal).</summary>
    public int? FiscalYear { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }
    public List<GoalIssue> Issues { get; set; } = [];
}

public class GoalIssue : ITenantOwned
{
    public int GoalId { get; set; }
    public int IssueId { get; set; }
    public required string MunicipalityCode { get; set; }
}

/// <summary>対応策: what is done about issues, through which item （ウ）〜（ク）, by whom, when.</summary>
public class Countermeasure : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public ProgramItem Item { get; set; }
    /// <summary>The organisation responsible, as written (委託先 or 課).</summary>
    public string? Owner { get; set; }
    public int? OwnerOrganisationId { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public WorkStatus Status { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
    public List<CountermeasureIssue> Issues { get; set; } = [];
    public List<CountermeasureEvaluation> Evaluations { get; set; } = [];
}

public class CountermeasureIssue : ITenantOwned
{
    public int CountermeasureId { get; set; }
    public int IssueId { get; set; }
    public required string MunicipalityCode { get; set; }
}

public enum EvaluationGrade { Achieved = 1, Partly = 2, NotAchieved = 3, NotEvaluated = 0 }

/// <summary>The evaluation of a countermeasure for one 年度 (Check).</summary>
public class CountermeasureEvaluation : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public int CountermeasureId { get; set; }
    public required string MunicipalityCode { get; set; }
    public int FiscalYear { get; set; }
    public EvaluationGrade Achievement { get; set; }
    public string? Text { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One 年度 of the PDCA cycle: the Plan checklist ①〜⑥ (<see cref="PdcaPlanStep"/>) and the Act decisions
/// (<see cref="PdcaDecision"/>) carried into the next year's plan. Do and Check are read from
/// countermeasures and indicators, not copied here.
/// </summary>
public class PdcaYear : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public int FiscalYear { get; set; }
    public string? Summary { get; set; }
    /// <summary>The year this plan was carried forward from, if any.</summary>
    public int? CarriedFromId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }
    public List<PdcaPlanStep> Steps { get; set; } = [];
    public List<PdcaDecision> Decisions { get; set; } = [];
}

/// <summary>Plan step ①〜⑥ (seed 004 【計画（Plan）】): done or not, a note and links to the evidence.</summary>
public class PdcaPlanStep : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public int PdcaYearId { get; set; }
    public required string MunicipalityCode { get; set; }
    /// <summary>1 現状の把握（定量）… 6 指標の設定.</summary>
    public int Step { get; set; }
    public bool Done { get; set; }
    public string? Note { get; set; }
    /// <summary>Evidence as lines of "label | URL or Renkei path".</summary>
    public string? Evidence { get; set; }
    public long Version { get; set; }
}

/// <summary>An Act decision of a 年度; carried into the next year's plan it keeps a link to where it came from.</summary>
public class PdcaDecision : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public int PdcaYearId { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Text { get; set; }
    public int? MeetingId { get; set; }
    public int? CarriedFromId { get; set; }
    public long Version { get; set; }
}
