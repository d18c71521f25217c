namespace Renkei.Web.Features.Progress;

/// <summary>Japanese words for the progress survey, as the national survey (seed 002) prints them. One place for pages, exports and the importer.</summary>
public static class ProgressText
{
    public static string Japanese(this ItemStatus status) => status switch
    {
        ItemStatus.Running => "実施中",
        ItemStatus.PlannedThisYear => "年度内実施予定",
        ItemStatus.NotRunning => "未実施",
        _ => "未回答",
    };

    public static string Japanese(this PdcaStage stage) => stage switch
    {
        PdcaStage.Stage1 => "1 現状把握・課題抽出・対応策を検討",
        PdcaStage.Stage2 => "2 対応策を具体化",
        PdcaStage.Stage3 => "3 評価・改善を実施",
        _ => "",
    };

    public static string Japanese(this TrainingKinds kind) => kind switch
    {
        TrainingKinds.GroupWork => "多職種のグループワーク等",
        TrainingKinds.CareForMedical => "医療関係者向けの介護の研修",
        TrainingKinds.MedicalForCare => "介護関係者向けの医療の研修",
        _ => "",
    };

    public static readonly TrainingKinds[] TrainingKindList = [TrainingKinds.GroupWork, TrainingKinds.CareForMedical, TrainingKinds.MedicalForCare];

    public static string Japanese(this RoundState state) => state == RoundState.Closed ? "締切" : "受付中";

    /// <summary>Status from the word a user typed in a form or a spreadsheet cell; null when it is none of them.</summary>
    public static ItemStatus? ParseStatus(string? text) => text?.Trim() switch
    {
        "実施中" or "実施している" or "実施" => ItemStatus.Running,
        "年度内実施予定" or "年度内に実施予定" or "実施予定" => ItemStatus.PlannedThisYear,
        "未実施" or "実施していない" => ItemStatus.NotRunning,
        _ => null,
    };
}
