using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Councils;

/// <summary>The member list (名簿) of a council as CSV (UTF-8 with BOM) or xlsx, in the order shown on screen.</summary>
public static class RosterExport
{
    public const string SheetName = "委員名簿";

    public static readonly string[] Header = ["No.", "分類", "職種", "団体・機関", "氏名", "役職", "任期開始", "任期終了", "状態"];

    public static List<string?[]> Rows(IReadOnlyList<CouncilMember> members, DateOnly today) =>
        [.. members.Select((m, i) => new string?[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Profession.Group().Japanese(), m.Profession.Japanese(),
            m.OrganisationName, m.PersonName, m.Role,
            m.TermFrom is { } f ? Platform.Time.Wareki.FormatDate(f) : null, m.TermTo is { } t ? Platform.Time.Wareki.FormatDate(t) : null,
            m.TermEnded(today) ? "任期終了" : "在任",
        })];

    public static Task<byte[]> CsvAsync(IReadOnlyList<CouncilMember> members, DateOnly today) => CsvWriter.ToBytesAsync(Header, Rows(members, today));

    /// <summary>A council has tens of members, so the workbook is built in memory.</summary>
    public static Task<byte[]> XlsxAsync(IReadOnlyList<CouncilMember> members, DateOnly today, CancellationToken ct)
    {
        using var table = XlsxTable.Of(SheetName, Header, Rows(members, today));
        return XlsxTable.ToBytesAsync(ct, table);
    }
}
