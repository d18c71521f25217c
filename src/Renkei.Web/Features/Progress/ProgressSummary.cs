using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Progress;

/// <summary>One item's counts (or, with <see cref="Item"/> null, the sums over the eight items: 延べ).</summary>
public sealed record ItemCounts(ProgramItem? Item, int Running, int Planned, int NotRunning, int Unanswered, int Commissioned, int Supported)
{
    public int RunningOrPlanned => Running + Planned;
    public int Base => Running + Planned + NotRunning + Unanswered;
}

/// <summary>A group of municipalities (a population band, a 二次医療圏, a prefecture).</summary>
public sealed record GroupRow(
    string Key, string Name, int Municipalities, int Answered, decimal? Average,
    IReadOnlyList<int> Distribution, IReadOnlyDictionary<ProgramItem, int> Running);

/// <summary>（イ）'s stages among the municipalities running or planning （イ） (seed 002: n = 実施 + 予定).</summary>
public sealed record StageCounts(int Base, int Stage1, int Stage2, int Stage3)
{
    public int Missing => Base - Stage1 - Stage2 - Stage3;
}

/// <summary>How many of the municipalities running or planning （カ） run each kind of training.</summary>
public sealed record TrainingCounts(int Base, IReadOnlyDictionary<TrainingKinds, int> Running);

/// <summary>
/// The tables of a progress round (seed 002 「（ア）～（ク）毎の実施状況」 and the rest), computed from one entry
/// per municipality. Pure: the pages, exports, API and tests all call <see cref="Compute"/> on the entries the
/// loader built, so a number can't differ between them. Every denominator is the municipalities given
/// (those the caller may read); a municipality without an answer counts as 未回答.
/// </summary>
public sealed class ProgressSummary
{
    public const int ItemCount = 8;

    public required IReadOnlyList<SummaryEntry> Entries { get; init; }
    public int Municipalities => Entries.Count;
    public int Answered => Entries.Count(e => e.Answered);
    public int NotAnswered => Municipalities - Answered;
    public int Submitted => Entries.Count(e => e.State == AnswerState.Submitted);
    public int Drafts => Entries.Count(e => e.State == AnswerState.Draft);
    public required IReadOnlyList<ItemCounts> Items { get; init; }
    public required ItemCounts Total { get; init; }
    /// <summary>Index 0..8: answered municipalities running that many items.</summary>
    public IReadOnlyList<int> Distribution => All.Distribution;
    /// <summary>Mean number of items running, over the answered municipalities; null when none answered.</summary>
    public decimal? Average => All.Average;
    public required GroupRow All { get; init; }
    public required IReadOnlyList<GroupRow> Bands { get; init; }
    public required IReadOnlyList<GroupRow> Areas { get; init; }
    public required StageCounts Stages { get; init; }
    public required TrainingCounts Training { get; init; }
    /// <summary>Answered municipalities with at least one item supported by the prefecture or a health centre (seed 002 「支援の有無」).</summary>
    public required int SupportedAny { get; init; }

    public IReadOnlyList<SummaryEntry> Members(ProgramItem item, ItemStatus status) => [.. Entries.Where(e => e.Status(item) == status)];

    public ItemCounts Of(ProgramItem item) => Items.Single(i => i.Item == item);

    /// <param name="areaNames">二次医療圏 names by code; a code not found is shown as itself.</param>
    public static ProgressSummary Compute(IEnumerable<SummaryEntry> entries, IReadOnlyDictionary<string, string>? areaNames = null)
    {
        var list = entries.OrderBy(e => e.Municipality.Code, StringComparer.Ordinal).ToList();
        var items = ProgramItems.All.Select(item => Count(item, list)).ToList();
        var bands = SummaryBands.Known.Select(b => Group(b.Key, b.Label, list.Where(e => SummaryBands.Of(e.Municipality.Population) == b))).ToList();
        var unknown = list.Where(e => SummaryBands.Of(e.Municipality.Population) == SummaryBands.Unknown).ToList();
        if (unknown.Count > 0) bands.Add(Group(SummaryBands.Unknown.Key, SummaryBands.Unknown.Label, unknown));
        var areas = list.GroupBy(e => e.Municipality.AreaCode ?? "")
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.Key.Length == 0 ? "二次医療圏不明" : areaNames?.GetValueOrDefault(g.Key) ?? g.Key, g))
            .ToList();
        return new ProgressSummary
        {
            Entries = list,
            Items = items,
            Total = new ItemCounts(null, items.Sum(i => i.Running), items.Sum(i => i.Planned), items.Sum(i => i.NotRunning),
                items.Sum(i => i.Unanswered), items.Sum(i => i.Commissioned), items.Sum(i => i.Supported)),
            All = Group("all", "計", list),
            Bands = bands,
            Areas = areas,
            Stages = StagesOf(list),
            Training = TrainingOf(list),
            SupportedAny = list.Count(e => e.Answered && e.Answers.Any(a => a.Supported)),
        };
    }

    public static GroupRow Group(string key, string name, IEnumerable<SummaryEntry> entries)
    {
        var list = entries.ToList();
        var answered = list.Where(e => e.Answered).ToList();
        var distribution = new int[ItemCount + 1];
        foreach (var e in answered) distribution[e.RunningCount]++;
        decimal? average = answered.Count == 0 ? null : Math.Round((decimal)answered.Sum(e => e.RunningCount) / answered.Count, 2, MidpointRounding.AwayFromZero);
        var running = ProgramItems.All.ToDictionary(i => i, i => list.Count(e => e.Status(i) == ItemStatus.Running));
        return new GroupRow(key, name, list.Count, answered.Count, average, distribution, running);
    }

    private static ItemCounts Count(ProgramItem item, List<SummaryEntry> list)
    {
        int Status(ItemStatus s) => list.Count(e => e.Status(item) == s);
        return new ItemCounts(item, Status(ItemStatus.Running), Status(ItemStatus.PlannedThisYear), Status(ItemStatus.NotRunning),
            Status(ItemStatus.Unanswered), list.Count(e => e.Answer(item)?.Commissioned == true), list.Count(e => e.Answer(item)?.Supported == true));
    }

    private static IEnumerable<SummaryAnswer> RunningOrPlanned(List<SummaryEntry> list, ProgramItem item) =>
        list.Select(e => e.Answer(item)).OfType<SummaryAnswer>().Where(a => a.Status is ItemStatus.Running or ItemStatus.PlannedThisYear);

    private static StageCounts StagesOf(List<SummaryEntry> list)
    {
        var answers = RunningOrPlanned(list, ProgramItem.I).ToList();
        return new StageCounts(answers.Count, answers.Count(a => a.Stage == PdcaStage.Stage1), answers.Count(a => a.Stage == PdcaStage.Stage2), answers.Count(a => a.Stage == PdcaStage.Stage3));
    }

    private static TrainingCounts TrainingOf(List<SummaryEntry> list)
    {
        var answers = RunningOrPlanned(list, ProgramItem.Ka).ToList();
        return new TrainingCounts(answers.Count, ProgressText.TrainingKindList.ToDictionary(k => k, k => answers.Count(a => a.Training.HasFlag(k))));
    }

    /// <summary>Percent of <paramref name="count"/> in <paramref name="of"/>, one decimal as seed 002 prints it; null when the base is 0.</summary>
    public static decimal? Percent(int count, int of) => of == 0 ? null : Math.Round(100m * count / of, 1, MidpointRounding.AwayFromZero);
}
