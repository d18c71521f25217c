using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

/// <summary>対応策 by item （ウ）〜（ク）, optionally only those scheduled in one 年度 or in one status; CSV/xlsx downloads.</summary>
public sealed class CountermeasuresModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public const string ExportName = "対応策一覧";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public WorkStatus? Status { get; set; }

    public List<Countermeasure> Rows { get; private set; } = [];
    public Dictionary<int, string> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ResolveAsync() is { } stop) return stop;
        Rows = await Query().ToListAsync();
        var ids = Rows.Where(r => r.OwnerOrganisationId is not null).Select(r => r.OwnerOrganisationId!.Value).Distinct().ToList();
        Organisations = await Db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() =>
        await ResolveAsync() ?? await PdcaSpreadsheet.CsvAsync($"{ExportName}_{Choice.Name}", Header, await ExportRowsAsync("CSV"), Clock);

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await ResolveAsync() ?? await PdcaSpreadsheet.XlsxAsync(ExportName, $"{ExportName}_{Choice.Name}", Header, await ExportRowsAsync("Excel"), Clock);

    public string Query(string? handler) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["muni"] = Choice.Code, ["handler"] = handler, ["Year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Status"] = Status?.ToString(),
    }.Where(p => p.Value is not null)).ToString();

    private IQueryable<Countermeasure> Query()
    {
        var query = Db.Countermeasures.AsNoTracking().Include(c => c.Issues).Where(c => c.MunicipalityCode == Choice.Code);
        if (Year is { } y) query = query.ActiveIn(new FiscalYear(y));
        if (Status is { } s) query = query.Where(c => c.Status == s);
        return query.OrderBy(c => c.Item).ThenBy(c => c.StartOn).ThenBy(c => c.Id);
    }

    public static readonly string[] Header = ["ID", "事業項目", "対応策", "内容", "実施主体", "実施組織", "開始日", "終了日", "状況", "関連する課題", "評価"];

    private async Task<List<string?[]>> ExportRowsAsync(string format)
    {
        await Db.AuditAsync(AuditActions.Read, nameof(Countermeasure), details: $"{ExportName} {format}出力: {Request.QueryString}", municipalityCode: Choice.Code);
        var rows = await Query().Include(c => c.Evaluations).ToListAsync();
        var issueIds = rows.SelectMany(r => r.Issues).Select(l => l.IssueId).Distinct().ToList();
        var issues = await Db.ProgramIssues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Statement);
        var orgIds = rows.Where(r => r.OwnerOrganisationId is not null).Select(r => r.OwnerOrganisationId!.Value).ToList();
        var orgs = await Db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return [.. rows.Select(c => new string?[]
        {
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Item.Label() + c.Item.Title(), c.Title, c.Description, c.Owner,
            c.OwnerOrganisationId is { } o ? orgs.GetValueOrDefault(o) : null,
            c.StartOn is { } s ? Wareki.FormatDate(s) : null, c.EndOn is { } e ? Wareki.FormatDate(e) : null, c.Status.Japanese(),
            string.Join("\n", c.Issues.Select(l => issues.GetValueOrDefault(l.IssueId))),
            string.Join("\n", c.Evaluations.OrderBy(v => v.FiscalYear).Select(v => $"{Wareki.FormatFiscalYear(v.FiscalYear)} {v.Achievement.Japanese()} {v.Text}".Trim())),
        })];
    }
}
