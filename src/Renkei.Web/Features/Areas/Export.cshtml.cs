using Microsoft.AspNetCore.Mvc;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// The adoption matrix (one row per rule and municipality) and the health centres' activities of a 年度, as xlsx
/// or CSV (UTF-8 with BOM), for every reader of the prefecture.
/// </summary>
public sealed class ExportModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    public static readonly string[] AdoptionHeader = ["区分", "名称", "場面", "団体コード", "市町村", "最新版", "最新版の採用", "採用した版（採用日）", "サンプル"];
    public static readonly string[] ActivityHeader = ["年度", "保健所", "事業項目", "取組", "実施日", "内容", "サンプル"];

    public async Task<IActionResult> OnGetAsync(string areaCode, string? table, string? format, string? year, CancellationToken ct)
    {
        if (await LoadAreaAsync(areaCode, ct) is { } stop) return stop;
        var xlsx = !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var place = PrefectureName + Area.Name;
        switch (table)
        {
            case "adoptions":
                var rules = await RuleMatrix.LoadAsync(Db, [areaCode], ct);
                var rows = rules.SelectMany(r => Municipalities.Select(m => new[]
                {
                    r.Rule.Kind.Japanese(), r.Rule.Title, r.Rule.Scenes.JapaneseList(), m.Code, m.Name, r.Latest?.Label,
                    r.Latest is null ? "—" : r.OnLatest(m.Code) ? "採用済み" : "未採用", r.Adopted(m.Code), Sample(r.Rule.IsSample),
                }));
                return await FileAsync(xlsx, "採用状況", place + "_共通ルール・様式の採用状況", AdoptionHeader, rows);
            case "activities":
                var fy = WorkspaceModel.ParseYear(year, CurrentYear);
                var activities = await WorkspaceModel.ActivitiesAsync(Db, areaCode, fy, ct);
                var lines = activities.Select(x => new[]
                {
                    Wareki.FormatFiscalYear(x.Activity.FiscalYear), x.HealthCentre, x.Activity.Item is { } i ? $"{i.Label()}{i.Title()}" : null,
                    x.Activity.Title, x.Activity.HeldOn is { } d ? Wareki.FormatDate(d) : null, x.Activity.Description, Sample(x.Activity.IsSample),
                });
                return await FileAsync(xlsx, "保健所の取組", $"{place}_保健所の取組_{(fy is { } y ? Wareki.FormatFiscalYear(y) : "全年度")}", ActivityHeader, lines);
            default:
                return NotFound();
        }
    }

    private static string? Sample(bool isSample) => isSample ? "サンプル" : null;

    private async Task<IActionResult> FileAsync(bool xlsx, string sheet, string baseName, string[] header, IEnumerable<string?[]> rows) => xlsx
        ? await PdcaSpreadsheet.XlsxAsync(sheet, baseName, header, rows, Clock)
        : await PdcaSpreadsheet.CsvAsync(baseName, header, rows, Clock);
}
