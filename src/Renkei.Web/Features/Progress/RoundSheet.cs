using System.Data;
using System.Globalization;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Progress;

/// <summary>What a column of the template holds.</summary>
public enum SheetField { Code, Name, Status, Stage, Training, PlannedOn, CommissionedTo, Support, Notes }

/// <summary>A column of the template: its header text and what it holds (for which item, which kind of training).</summary>
public sealed record SheetColumn(string Header, SheetField Field, ProgramItem? Item = null, TrainingKinds Kind = TrainingKinds.None);

/// <summary>
/// The flat layout of the answer template (xlsx, sheet 「回答」): one row per municipality, 団体コード and name, then for each
/// item its 状況, （イ） its 段階, （カ） a column per kind of training, 予定時期, 委託先 and 県・保健所の支援, and 備考 last.
/// A second sheet 「記入方法」 explains every column. Import and template share this one list.
/// </summary>
public static class RoundSheet
{
    public const string AnswerSheet = "回答";
    public const string Yes = "あり";

    public static readonly IReadOnlyList<SheetColumn> Columns = Build();

    private static List<SheetColumn> Build()
    {
        var columns = new List<SheetColumn> { new("団体コード", SheetField.Code), new("市区町村名", SheetField.Name) };
        foreach (var item in ProgramItems.All)
        {
            var l = item.Label();
            columns.Add(new(l + "状況", SheetField.Status, item));
            if (item == ProgramItem.I) columns.Add(new(l + "段階", SheetField.Stage, item));
            if (item == ProgramItem.Ka) columns.AddRange(ProgressText.TrainingKindList.Select(k => new SheetColumn(l + k.Japanese(), SheetField.Training, item, k)));
            columns.Add(new(l + "予定時期", SheetField.PlannedOn, item));
            columns.Add(new(l + "委託先", SheetField.CommissionedTo, item));
            columns.Add(new(l + "県・保健所の支援", SheetField.Support, item));
        }
        columns.Add(new("備考", SheetField.Notes));
        return columns;
    }

    public static IReadOnlyList<string> Header => [.. Columns.Select(c => c.Header)];

    /// <summary>One template row: the municipality and its current answer (blank where there is none).</summary>
    public static string?[] Row(string code, string name, IReadOnlyDictionary<ProgramItem, ProgressItemAnswer> answers, string? notes) =>
        [.. Columns.Select(c =>
        {
            var a = c.Item is { } item ? answers.GetValueOrDefault(item) : null;
            return c.Field switch
            {
                SheetField.Code => code,
                SheetField.Name => name,
                SheetField.Notes => notes,
                _ when a is null || (a.Status == ItemStatus.Unanswered && !a.Commissioned && !a.PrefectureSupported) => null,
                SheetField.Status => a.Status == ItemStatus.Unanswered ? null : a.Status.Japanese(),
                SheetField.Stage => a.Stage == PdcaStage.None ? null : ((int)a.Stage).ToString(CultureInfo.InvariantCulture),
                SheetField.Training => a.Training.HasFlag(c.Kind) ? Yes : null,
                SheetField.PlannedOn => a.PlannedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SheetField.CommissionedTo => a.Commissioned ? a.CommissionedTo : null,
                SheetField.Support => a.PrefectureSupported ? Yes : null,
                _ => null,
            };
        })];

    /// <summary>The 「記入方法」 sheet: what each column takes.</summary>
    public static DataTable Instructions(string roundTitle, DateOnly asOf) => XlsxTable.Of("記入方法", ["列", "書き方"],
    [
        ["対象", $"{roundTitle}（基準日 {Platform.Time.Wareki.FormatDate(asOf)}）。シート「{AnswerSheet}」の1行目（見出し）と列の並びは変えないでください。"],
        ["団体コード", "全国地方公共団体コード（6桁、検査数字を含む）。この調査回の都道府県の市区町村だけを書きます。1つの市区町村は1行だけ。"],
        ["市区町村名", "確認用です（取込では読みません）。"],
        ["（ア）〜（ク）状況", "実施中・年度内実施予定・未実施 のいずれか。空欄は未回答。8項目すべてに書いた行は「提出済」、空欄のある行は「入力中」になります。"],
        ["（イ）段階", "状況が実施中のときだけ 1・2・3（1 現状把握・課題抽出・対応策を検討／2 対応策を具体化／3 評価・改善を実施）。"],
        ["（カ）研修の3列", $"状況が実施中のとき、実施している研修の列に「{Yes}」。していなければ空欄。"],
        ["予定時期", "年度内実施予定のときは必ず、基準日以降でその年度中の日付（例 2026-12-01 または 令和8年12月1日）。未実施のときは年度より後の予定があれば書きます。実施中のときは空欄。"],
        ["委託先", "委託している（一部委託を含む）ときに委託先の名称。空欄は委託なし。"],
        ["県・保健所の支援", $"都道府県・保健所の支援を受けたときに「{Yes}」。"],
        ["備考", "2000文字まで。"],
        ["空欄の行", "状況などがすべて空欄の行は読み飛ばし、その市区町村の回答は変えません。"],
        ["取込", "1行でも取り込めない行があると、何も取り込みません。取り込んだ回答は「県・保健所が代理入力」として記録されます。"],
    ]);
}
