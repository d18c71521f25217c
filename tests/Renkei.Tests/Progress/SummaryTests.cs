using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;

namespace Renkei.Tests.Progress;

/// <summary>ProgressSummary on its own, without the web or a database: edge cases of counting.</summary>
public sealed class SummaryTests
{
    private static SummaryMunicipality Muni(string code, int? population, string? area = "3101") => new(code, "市" + code, "31", area, population, 35, 134);

    private static SummaryEntry Entry(SummaryMunicipality m, string letters, AnswerState state = AnswerState.Submitted) =>
        new(m, state, [.. letters.Select((c, i) => new SummaryAnswer(ProgramItems.All[i], DashboardKit.Parse(c)))]);

    [Fact]
    public void Counts_per_item_include_municipalities_without_an_answer_as_unanswered()
    {
        var s = ProgressSummary.Compute(
        [
            Entry(Muni("1", 5_000), "RRRRRRRR"), Entry(Muni("2", 20_000), "RRRNNNNN"), Entry(Muni("3", 60_000), "RRRNNNNN"),
            Entry(Muni("4", 120_000), "PPNNNNNN"), new SummaryEntry(Muni("5", 400_000), AnswerState.None, []),
        ]);
        var a = s.Of(ProgramItem.A);
        Assert.Equal((3, 1, 4, 0, 1, 5), (a.Running, a.Planned, a.RunningOrPlanned, a.NotRunning, a.Unanswered, a.Base));
        Assert.Equal(60.0m, ProgressSummary.Percent(a.Running, a.Base));
        // Four answered, running 8, 3, 3 and 0 ("PPNNNNNN" is an answer with none running); municipality 5 is 未回答, not 0.
        Assert.Equal([1, 0, 0, 2, 0, 0, 0, 0, 1], s.Distribution);
        Assert.Equal(1, s.NotAnswered);
        Assert.Equal(3.5m, s.Average);
        Assert.Equal(["under-10k", "10k-50k", "50k-100k", "100k-300k", "300k-plus"], s.Bands.Select(b => b.Key));
        Assert.All(s.Bands, b => Assert.Equal(1, b.Municipalities));
        Assert.Equal(0, s.Bands.Single(b => b.Key == "300k-plus").Answered);
        Assert.Null(s.Bands.Single(b => b.Key == "300k-plus").Average);
    }

    [Fact]
    public void A_blank_saved_answer_is_unanswered_and_a_missing_population_gets_its_own_band()
    {
        var s = ProgressSummary.Compute(
            [Entry(Muni("1", null, null), "--------", AnswerState.Draft), Entry(Muni("2", 9_999), "RNNNNNNN"), Entry(Muni("3", 10_000), "NNNNNNNN")],
            new Dictionary<string, string> { ["3101"] = "東部" });
        Assert.Equal(2, s.Answered);
        Assert.Equal(1, s.Drafts);
        Assert.Equal(1, s.Of(ProgramItem.A).Unanswered);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0], s.Distribution);
        Assert.Equal("unknown", s.Bands[^1].Key);
        Assert.Equal(1, s.Bands.Single(b => b.Key == "under-10k").Municipalities);
        Assert.Equal(1, s.Bands.Single(b => b.Key == "10k-50k").Municipalities); // 10,000 is the lower bound of the next band
        Assert.Equal(["3101", ""], s.Areas.Select(a => a.Key));
        Assert.Equal(["東部", "二次医療圏不明"], s.Areas.Select(a => a.Name));
        Assert.Equal(0.5m, s.Average);
    }

    [Fact]
    public void Stages_and_training_count_only_municipalities_running_or_planning_the_item()
    {
        SummaryEntry E(string code, ItemStatus i, PdcaStage stage, ItemStatus ka, TrainingKinds training, bool supported = false) => new(Muni(code, 1000), AnswerState.Submitted,
            [new SummaryAnswer(ProgramItem.I, i, Stage: stage), new SummaryAnswer(ProgramItem.Ka, ka, Training: training, Supported: supported)]);
        var s = ProgressSummary.Compute(
        [
            E("1", ItemStatus.Running, PdcaStage.Stage2, ItemStatus.Running, TrainingKinds.GroupWork | TrainingKinds.CareForMedical, supported: true),
            E("2", ItemStatus.PlannedThisYear, PdcaStage.None, ItemStatus.PlannedThisYear, TrainingKinds.GroupWork),
            E("3", ItemStatus.NotRunning, PdcaStage.Stage3, ItemStatus.NotRunning, TrainingKinds.MedicalForCare), // ignored: not running or planned
        ]);
        Assert.Equal((2, 0, 1, 0, 1), (s.Stages.Base, s.Stages.Stage1, s.Stages.Stage2, s.Stages.Stage3, s.Stages.Missing));
        Assert.Equal(2, s.Training.Base);
        Assert.Equal((2, 1, 0), (s.Training.Running[TrainingKinds.GroupWork], s.Training.Running[TrainingKinds.CareForMedical], s.Training.Running[TrainingKinds.MedicalForCare]));
        Assert.Equal(1, s.SupportedAny);
        var table = SummaryTables.Stages(s);
        Assert.Equal(50.0m, table.Cell("2", "pct"));
        Assert.Equal(2, table.Cell("total", "count"));
    }
}
