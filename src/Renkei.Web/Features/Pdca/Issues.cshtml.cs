using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Pdca;

/// <summary>課題の登録簿: filters, sort, pages, CSV/xlsx downloads and a printable list of every match.</summary>
public sealed class IssuesModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public const string ExportName = "課題一覧";
    private const int PrintLimit = 2000;

    [BindProperty(SupportsGet = true)] public IssueFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "print")] public bool Print { get; set; }

    public List<ProgramIssue> Rows { get; private set; } = [];
    public Dictionary<int, int> CountermeasureCounts { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ResolveAsync() is { } stop) return stop;
        var query = Filter.Apply(Db, Choice.Code);
        var total = await query.CountAsync();
        Paging = new Paging(PageNumber, total, page => "/pdca/issues" + Filter.ToQuery(Choice.Code, page: page));
        Rows = Print ? await query.Take(PrintLimit).ToListAsync() : await query.Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync();
        var ids = Rows.Select(r => r.Id).ToList();
        CountermeasureCounts = await Db.Set<CountermeasureIssue>().Where(l => ids.Contains(l.IssueId))
            .GroupBy(l => l.IssueId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() =>
        await ResolveAsync() ?? await PdcaSpreadsheet.CsvAsync($"{ExportName}_{Choice.Name}", Header, await ExportRowsAsync("CSV"), Clock);

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await ResolveAsync() ?? await PdcaSpreadsheet.XlsxAsync(ExportName, $"{ExportName}_{Choice.Name}", Header, await ExportRowsAsync("Excel"), Clock);

    public static readonly string[] Header = ["ID", "年度", "課題", "根拠", "場面", "事業項目", "優先度", "出所", "状況", "更新者", "更新日時"];

    private async Task<List<string?[]>> ExportRowsAsync(string format)
    {
        await Db.AuditAsync(AuditActions.Read, nameof(ProgramIssue), details: $"{ExportName} {format}出力: {Request.QueryString}", municipalityCode: Choice.Code);
        var issues = await Filter.Apply(Db, Choice.Code).ToListAsync();
        return [.. issues.Select(i => new string?[]
        {
            i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Wareki.FormatFiscalYear(i.FiscalYear), i.Statement, i.Evidence,
            i.Scenes.JapaneseList(), PdcaNames.ItemLabels(i.Items), i.Priority.Japanese(), i.Source.Japanese(), i.Status.Japanese(),
            i.UpdatedBy, i.UpdatedAtUtc == default ? null : JapanTime.Format(i.UpdatedAtUtc),
        })];
    }
}
