using Microsoft.AspNetCore.Mvc;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca.Report;

/// <summary>
/// /pdca/{年度}/report — the annual report (事業報告) of a municipality, printable and as xlsx;
/// /pdca/{年度}/summary — the one-page PDCA summary for the council. Both read what the modules hold.
/// </summary>
public sealed class ReportModel(RenkeiDb db, TimeProvider clock, AnnualReport report) : PdcaPage(db, clock)
{
    public AnnualReport.Data Data { get; private set; } = null!;
    public bool Summary { get; private set; }
    public DateOnly Today => JapanTime.TodayJst(Clock);

    public async Task<IActionResult> OnGetAsync(int fiscalYear, string view)
    {
        if (fiscalYear is < 2000 or > 2100 || view is not ("report" or "summary")) return NotFound();
        if (await ResolveAsync() is { } stop) return stop;
        Summary = view == "summary";
        ViewData["PdcaTab"] = "report";
        Data = await report.BuildAsync(Choice.Code, Choice.Name, fiscalYear, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(int fiscalYear)
    {
        if (fiscalYear is < 2000 or > 2100) return NotFound();
        if (await ResolveAsync() is { } stop) return stop;
        Data = await report.BuildAsync(Choice.Code, Choice.Name, fiscalYear, HttpContext.RequestAborted);
        await Db.AuditAsync(AuditActions.Read, "事業報告", $"{Choice.Code}/{fiscalYear}", "事業報告 Excel出力", Choice.Code, HttpContext.RequestAborted);
        var tables = AnnualReportSheets.Build(Data);
        try
        {
            var bytes = await XlsxTable.ToBytesAsync(HttpContext.RequestAborted, [.. tables]);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"事業報告_{Choice.Name}_{Data.Year}.xlsx");
        }
        finally
        {
            foreach (var t in tables) t.Dispose();
        }
    }
}
