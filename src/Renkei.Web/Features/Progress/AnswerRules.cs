using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Progress;

/// <summary>One item's answer as typed in the form or read from a spreadsheet row, before it is stored.</summary>
public sealed class ItemInput
{
    public ProgramItem Item { get; set; }
    public ItemStatus Status { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public PdcaStage Stage { get; set; }
    /// <summary>A list, not the flags: a form posts one value per ticked checkbox.</summary>
    public List<TrainingKinds> Training { get; set; } = [];
    public bool Commissioned { get; set; }
    public string? CommissionedTo { get; set; }
    public bool PrefectureSupported { get; set; }

    public TrainingKinds TrainingFlags => Training.Aggregate(TrainingKinds.None, (all, k) => all | k);

    public static ItemInput From(ProgressItemAnswer a) => new()
    {
        Item = a.Item, Status = a.Status, PlannedOn = a.PlannedOn, Stage = a.Stage,
        Training = [.. ProgressText.TrainingKindList.Where(k => a.Training.HasFlag(k))],
        Commissioned = a.Commissioned, CommissionedTo = a.CommissionedTo, PrefectureSupported = a.PrefectureSupported,
    };

    /// <summary>Whether storing this would change the stored answer (null: none stored yet).</summary>
    public bool Differs(ProgressItemAnswer? a) => a is null
        ? Status != ItemStatus.Unanswered || PlannedOn is not null || Commissioned || PrefectureSupported
        : (a.Status, a.PlannedOn, a.Stage, a.Training, a.Commissioned, a.CommissionedTo, a.PrefectureSupported)
          != (Status, PlannedOn, Stage, TrainingFlags, Commissioned, CommissionedTo, PrefectureSupported);
}

/// <summary>
/// The rules an answer must keep, shared by the answer form and the spreadsheet import so both refuse the same things
/// with the same words. A draft (一時保存) may leave items unanswered; a submission (提出) may not.
/// </summary>
public static class AnswerRules
{
    public const int MaxCommissionedTo = 200;
    public const int MaxNotes = 2000;

    /// <summary>One row per item （ア）〜（ク） in order: the posted ones where present, an unanswered one where not.</summary>
    public static List<ItemInput> Complete(IEnumerable<ItemInput> posted)
    {
        var byItem = posted.Where(p => Enum.IsDefined(p.Item)).GroupBy(p => p.Item).ToDictionary(g => g.Key, g => g.First());
        return [.. ProgramItems.All.Select(i => byItem.GetValueOrDefault(i) ?? new ItemInput { Item = i })];
    }

    /// <summary>Tidies what the rules do not argue about: text trimmed, fields an item does not have dropped.</summary>
    public static void Normalise(ItemInput i)
    {
        i.CommissionedTo = string.IsNullOrWhiteSpace(i.CommissionedTo) || !i.Commissioned ? null : i.CommissionedTo.Trim();
        if (i.Item != ProgramItem.I) i.Stage = PdcaStage.None;
        if (i.Item != ProgramItem.Ka) i.Training = [];
        i.Training = [.. i.Training.Distinct().Where(k => ProgressText.TrainingKindList.Contains(k))];
    }

    /// <returns>The problems, each naming the item, in item order; empty when the answer may be stored.</returns>
    public static List<string> Check(DateOnly asOf, IReadOnlyList<ItemInput> items, string? notes, bool submit)
    {
        var errors = new List<string>();
        var year = FiscalYear.Of(asOf);
        var asOfText = Wareki.FormatDate(asOf);
        foreach (var i in items)
        {
            var name = i.Item.Label() + i.Item.Title() + "：";
            if (!Enum.IsDefined(i.Status)) { errors.Add(name + "実施状況の値が正しくありません。"); continue; }
            if (!Enum.IsDefined(i.Stage)) errors.Add(name + "取組の段階は 1・2・3 のいずれかを選んでください。");
            if (submit && i.Status == ItemStatus.Unanswered) errors.Add(name + "実施状況を選んでください（提出にはすべての項目の回答が必要です）。");
            if (i.PlannedOn is { } d)
            {
                if (d.Year is < 2000 or > 2100) errors.Add(name + "実施予定時期は2000年から2100年までの日付で入力してください。");
                else if (i.Status == ItemStatus.Running) errors.Add(name + "「実施中」のときは実施予定時期を入力しないでください。");
                else if (i.Status == ItemStatus.Unanswered) errors.Add(name + "実施予定時期を入力したときは実施状況も選んでください。");
                else if (d < asOf) errors.Add(name + $"実施予定時期は基準日（{asOfText}）以降の日付にしてください。");
                else if (i.Status == ItemStatus.PlannedThisYear && d > year.LastDay)
                    errors.Add(name + $"「年度内実施予定」の実施予定時期は{year}中（{Wareki.FormatDate(year.LastDay)}まで）の日付にしてください。");
                else if (i.Status == ItemStatus.NotRunning && d <= year.LastDay)
                    errors.Add(name + $"{year}中に始める予定なら、実施状況は「年度内実施予定」を選んでください。");
            }
            else if (submit && i.Status == ItemStatus.PlannedThisYear)
            {
                errors.Add(name + $"「年度内実施予定」のときは実施予定時期（{year}中の日付）を入力してください。");
            }
            if (i.Item == ProgramItem.I)
            {
                if (i.Status == ItemStatus.Running && submit && i.Stage == PdcaStage.None) errors.Add(name + "「実施中」のときは取組の段階（1〜3）を選んでください。");
                if (i.Status != ItemStatus.Running && i.Stage != PdcaStage.None) errors.Add(name + "取組の段階は「実施中」のときだけ選べます。");
            }
            if (i.Item == ProgramItem.Ka && i.Status != ItemStatus.Running && i.Training.Count > 0)
                errors.Add(name + "研修の種類は「実施中」のときだけ選べます。");
            if (i.Commissioned && i.CommissionedTo is null) errors.Add(name + "委託しているときは委託先を入力してください。");
            if (i.CommissionedTo?.Length > MaxCommissionedTo) errors.Add(name + $"委託先は{MaxCommissionedTo}文字以内で入力してください。");
        }
        if (notes?.Length > MaxNotes) errors.Add($"備考は{MaxNotes}文字以内で入力してください。");
        return errors;
    }

    /// <summary>Copies a checked input onto the stored answer (the evidence stays as it was recorded).</summary>
    public static void Apply(ItemInput i, ProgressItemAnswer a)
    {
        a.Status = i.Status;
        a.PlannedOn = i.Status == ItemStatus.Running ? null : i.PlannedOn;
        a.Stage = i.Stage;
        a.Training = i.TrainingFlags;
        a.Commissioned = i.Commissioned;
        a.CommissionedTo = i.CommissionedTo;
        a.PrefectureSupported = i.PrefectureSupported;
    }
}
