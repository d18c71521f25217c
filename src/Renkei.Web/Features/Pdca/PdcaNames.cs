using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Pdca;

/// <summary>The Japanese words the screens, exports and validation use for the PDCA enums (seed 004).</summary>
public static class PdcaNames
{
    public static readonly Scenes[] AllScenes = [Scenes.DailyCare, Scenes.AdmissionDischarge, Scenes.Emergency, Scenes.EndOfLife];

    /// <summary>Only （ウ）〜（ク） carry out countermeasures: （ア）（イ） are the Plan itself (seed 004 【実行（Do）】).</summary>
    public static readonly ProgramItem[] CountermeasureItems = [ProgramItem.U, ProgramItem.E, ProgramItem.O, ProgramItem.Ka, ProgramItem.Ki, ProgramItem.Ku];

    /// <summary>Plan ①〜⑥ as seed 004 names them; index 0 is step 1.</summary>
    public static readonly string[] PlanSteps =
    [
        "現状の把握（定量的な現状把握）", "現状の把握（定性的な現状把握）", "課題の抽出",
        "目指す理想像の検討", "取組内容の検討", "指標の設定",
    ];

    public static string PlanStepName(int step) => step is >= 1 and <= 6 ? $"{"①②③④⑤⑥"[step - 1]}{PlanSteps[step - 1]}" : "";

    public static string Japanese(this Scenes scene) => scene switch
    {
        Scenes.DailyCare => "日常の療養支援",
        Scenes.AdmissionDischarge => "入退院支援",
        Scenes.Emergency => "急変時の対応",
        Scenes.EndOfLife => "看取り",
        _ => "",
    };

    /// <summary>"日常の療養支援・看取り" for a combination; "—" for none.</summary>
    public static string JapaneseList(this Scenes scenes) =>
        scenes == Scenes.None ? "—" : string.Join("・", AllScenes.Where(s => scenes.HasFlag(s)).Select(Japanese));

    public static string Japanese(this IssuePriority p) => p switch { IssuePriority.High => "高", IssuePriority.Medium => "中", IssuePriority.Low => "低", _ => "" };

    public static string Japanese(this IssueSource s) => s switch
    {
        IssueSource.Meeting => "会議", IssueSource.Hearing => "ヒアリング", IssueSource.Survey => "調査",
        IssueSource.Data => "データ", IssueSource.Other => "その他", _ => "",
    };

    public static string Japanese(this WorkStatus s) => s switch
    {
        WorkStatus.NotStarted => "未着手", WorkStatus.InProgress => "取組中", WorkStatus.Done => "完了・解決", WorkStatus.OnHold => "保留", _ => "",
    };

    public static string Japanese(this EvaluationGrade a) => a switch
    {
        EvaluationGrade.Achieved => "達成", EvaluationGrade.Partly => "一部達成", EvaluationGrade.NotAchieved => "未達成", EvaluationGrade.NotEvaluated => "未評価", _ => "",
    };

    /// <summary>The bit of an item in <see cref="ProgramIssue.Items"/> (1 &lt;&lt; item, as the model documents).</summary>
    public static int Bit(this ProgramItem item) => 1 << (int)item;

    public static int ToBits(IEnumerable<ProgramItem> items) => items.Distinct().Aggregate(0, (bits, i) => bits | i.Bit());

    public static IEnumerable<ProgramItem> FromBits(int bits) => ProgramItems.All.Where(i => (bits & i.Bit()) != 0);

    /// <summary>"（ウ）（カ）" for the items of an issue; "—" for none.</summary>
    public static string ItemLabels(int bits) => bits == 0 ? "—" : string.Concat(FromBits(bits).Select(i => i.Label()));
}
