namespace Renkei.Web.Features.Progress;

public enum CellKind
{
    Text = 0,
    Count = 1,   // integer: 市町村数
    Percent = 2, // decimal, one place: 割合(%)
    Average = 3, // decimal, two places: 平均実施数
}

public sealed record SummaryColumn(string Key, string Title, CellKind Kind = CellKind.Count);

/// <summary>One row; cells hold int, decimal or string, null where there is nothing to show (a percent of 0 municipalities).</summary>
public sealed record SummaryRow(string Key, IReadOnlyList<object?> Cells, bool IsTotal = false);

/// <summary>
/// A table of the dashboard in one shape for every output: the page renders it, the xlsx gets it as a sheet,
/// the CSV as a file, so the numbers are the same everywhere. <see cref="Key"/> names it in URLs (…/items.csv).
/// </summary>
public sealed record SummaryTable(string Key, string Title, IReadOnlyList<SummaryColumn> Columns, IReadOnlyList<SummaryRow> Rows, string? Note = null)
{
    public object? Cell(string rowKey, string columnKey)
    {
        var c = Columns.ToList().FindIndex(x => x.Key == columnKey);
        if (c < 0) throw new ArgumentException($"no column {columnKey} in {Key}", nameof(columnKey));
        return Rows.Single(r => r.Key == rowKey).Cells[c];
    }
}
