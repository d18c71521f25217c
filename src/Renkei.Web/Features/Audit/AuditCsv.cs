using System.Globalization;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Audit;

/// <summary>The audit export: one row per entry, Japanese header, written as the rows are read.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["日時", "操作", "対象", "キー", "利用者", "組織ID", "市区町村コード", "IPアドレス", "変更内容"];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(Header);
        await foreach (var a in entries.WithCancellation(ct))
        {
            await csv.WriteRowAsync([
                AuditFormat.Time(a.AtUtc), a.Action, a.EntityType, a.EntityKey, a.UserName,
                a.ActorOrganisationId?.ToString(CultureInfo.InvariantCulture), a.MunicipalityCode, a.IpAddress, a.Changes,
            ]);
        }
    }
}
