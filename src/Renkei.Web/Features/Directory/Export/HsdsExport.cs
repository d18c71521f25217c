using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Export;

/// <summary>
/// Open Referral HSDS (Human Services Data Specification, 2.0 tabular form) of a search: a zip of
/// organization, service, location, service_at_location, phone and physical_address CSV files.
/// HSDS exists to be republished, so it holds only providers that consented to publication and only
/// their public fields (<see cref="PublicFields"/>), whoever downloads it.
/// </summary>
public sealed class HsdsExport(RenkeiDb db, ProviderSearch search)
{
    public static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>
    {
        ["organization"] = ["id", "name", "alternate_name", "description", "email", "url", "tax_status", "tax_id", "year_incorporated", "legal_status"],
        ["service"] = ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "wait_time", "fees", "accreditations", "licenses"],
        ["location"] = ["id", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude"],
        ["service_at_location"] = ["id", "service_id", "location_id", "description"],
        ["phone"] = ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "language", "description"],
        ["physical_address"] = ["id", "location_id", "attention", "address_1", "city", "region", "state_province", "postal_code", "country"],
    };

    // Plain UTF-8 as HSDS tools expect; the BOM is for Excel, not for data pipelines.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Stable across exports: derived from the provider id (and the 法人番号 for a corporation).</summary>
    public static string ServiceId(int providerId) => "renkei-provider-" + providerId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the zip to <paramref name="output"/> (built in memory: consenting providers are few, and the response body refuses the zip's synchronous writes).</summary>
    public async Task WriteAsync(Stream output, ProviderFilter filter, CancellationToken ct)
    {
        filter.ConsentedOnly = true;
        var (query, _) = await search.BuildAsync(filter, ct);
        var providers = await query.ToListAsync(ct);
        var prefectures = await db.Prefectures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        var rows = Tables.Keys.ToDictionary(t => t, _ => new List<string?[]>());
        var organizations = new HashSet<string>(StringComparer.Ordinal);

        foreach (var p in providers.Where(p => PublicFields.IsPublic(p.FieldMeta, "Name")))
        {
            string? Public(string field, string? value) => PublicFields.IsPublic(p.FieldMeta, field) ? value : null;
            var id = ServiceId(p.Id);
            // Providers of one corporation (same public 法人番号) share one organization.
            var corporate = Public("CorporateNumber", p.CorporateNumber);
            var orgId = corporate is null ? id + "-organization" : "renkei-corporation-" + corporate;
            if (organizations.Add(orgId))
            {
                var orgName = corporate is null ? p.Name : Public("CorporateName", p.CorporateName) ?? p.Name;
                rows["organization"].Add([orgId, orgName, null, "", corporate is null ? Public("Email", p.Email) : null, corporate is null ? Public("Url", p.Url) : null, null, corporate, null, null]);
            }
            var description = ProviderKindNames.Describe(p.Kind, p.ServiceCode);
            rows["service"].Add([id, orgId, null, p.Name, Public("NameKana", p.NameKana), description, Public("Url", p.Url), Public("Email", p.Email),
                p.Listed ? "active" : "inactive", null, null, null, null, null, null]);
            var locationId = id + "-location";
            rows["location"].Add([locationId, orgId, p.Name, null, null, null,
                Public("Latitude", Coordinate(p.Latitude)), Public("Longitude", Coordinate(p.Longitude))]);
            rows["service_at_location"].Add([id + "-at-location", id, locationId, null]);
            if (Public("Phone", p.Phone) is { Length: > 0 } phone) rows["phone"].Add([id + "-phone", locationId, id, null, null, null, phone, null, "voice", "ja", null]);
            if (Public("Fax", p.Fax) is { Length: > 0 } fax) rows["phone"].Add([id + "-fax", locationId, id, null, null, null, fax, null, "fax", "ja", null]);
            if (Public("Address", p.Address) is { Length: > 0 } address)
            {
                rows["physical_address"].Add([id + "-address", locationId, null, address,
                    p.MunicipalityCode is null ? null : Public("MunicipalityCode", municipalities.GetValueOrDefault(p.MunicipalityCode)), null,
                    Public("PrefectureCode", prefectures.GetValueOrDefault(p.PrefectureCode)), null, "JP"]);
            }
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (table, header) in Tables)
            {
                await using var entry = zip.CreateEntry(table + ".csv").Open();
                await using var csv = new CsvWriter(entry, Utf8);
                await csv.WriteRowAsync(header);
                foreach (var row in rows[table]) await csv.WriteRowAsync(row);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static string? Coordinate(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}
