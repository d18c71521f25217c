using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Progress;

/// <summary>The reference data of one municipality that the summary groups and maps by.</summary>
public sealed record SummaryMunicipality(
    string Code, string Name, string PrefectureCode, string? AreaCode, int? Population, double Latitude, double Longitude);

/// <summary>Where a municipality's answer to a round stands (in Japanese: <see cref="SummaryText.Japanese(AnswerState)"/>).</summary>
public enum AnswerState
{
    None = 0,      // no answer saved
    Draft = 1,     // saved, not handed in (入力中)
    Submitted = 2, // handed in (提出済)
}

/// <summary>One item of one municipality's answer, as the summary needs it.</summary>
public sealed record SummaryAnswer(
    ProgramItem Item, ItemStatus Status, PdcaStage Stage = PdcaStage.None, TrainingKinds Training = TrainingKinds.None,
    bool Commissioned = false, bool Supported = false);

/// <summary>A municipality with its answer (possibly none) to one round: the unit every count is made of.</summary>
public sealed record SummaryEntry(SummaryMunicipality Municipality, AnswerState State, IReadOnlyList<SummaryAnswer> Answers)
{
    public SummaryAnswer? Answer(ProgramItem item) => Answers.FirstOrDefault(a => a.Item == item);

    public ItemStatus Status(ProgramItem item) => Answer(item)?.Status ?? ItemStatus.Unanswered;

    /// <summary>
    /// Answered = at least one item has a status. A saved answer whose items are all blank tells nothing,
    /// so it is 未回答 like no answer at all rather than "0 items running".
    /// </summary>
    public bool Answered => Answers.Any(a => a.Status != ItemStatus.Unanswered);

    public int RunningCount => Answers.Count(a => a.Status == ItemStatus.Running);
}
