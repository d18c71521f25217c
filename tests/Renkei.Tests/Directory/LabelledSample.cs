using MiniExcelLibs;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The labelled sample for matching a 医療情報ネット hospital file with a 厚生局 list, built independently of
/// the product's matcher and readers: a true pair is a 医療情報ネット hospital and a 厚生局 医科 facility whose
/// names, with spaces removed, are equal or one ends with the other, in the same city or town (the town name
/// read from the address text), small ヶ read as ケ. Read by hand on 2026-11-22 for 鳥取県 (39 pairs) and 山梨県.
/// </summary>
public static class LabelledSample
{
    public static HashSet<(string NetId, string Code)> Pairs(string iryojohoPath, string kouseikyokuPath, string prefecture)
    {
        var netHospitals = CsvText.ReadFile(iryojohoPath).Skip(1).Where(r => r.Fields[7] == prefecture)
            .Select(r => (Id: r.Fields[0], Name: Plain(r.Fields[1]), Town: Town(r.Fields[9]))).ToList();
        var sheet = MiniExcel.Query(kouseikyokuPath, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        var header = sheet.FindIndex(r => r.Contains("医療機関番号"));
        int Col(string name) => Array.IndexOf(sheet[header], name);
        var listed = sheet.Skip(header + 1).Where(r => r[Col("区分")] == "医科" && r[Col("医療機関番号")].Length > 0)
            .Select(r => (Code: prefecture + "1" + r[Col("医療機関番号")].Normalize(System.Text.NormalizationForm.FormKC), Name: Plain(r[Col("医療機関名称")]), Town: Town(r[Col("医療機関所在地（住所）")])))
            .DistinctBy(r => r.Code).ToList();
        return netHospitals.SelectMany(h => listed.Where(k => k.Town == h.Town && (k.Name == h.Name || k.Name.EndsWith(h.Name, StringComparison.Ordinal) || h.Name.EndsWith(k.Name, StringComparison.Ordinal)))
            .Select(k => (h.Id, k.Code))).ToHashSet();
    }

    // ヶ/ケ: 医療情報ネット writes 韮崎東ケ丘病院 where the 厚生局 writes 韮崎東ヶ丘病院 (same address, checked by hand).
    private static string Plain(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal).Replace('ヶ', 'ケ');

    /// <summary>The city, town or village at the start of an address, without the prefecture.</summary>
    private static string Town(string address)
    {
        var a = Plain(address);
        var pref = a.IndexOf('県', StringComparison.Ordinal);
        if (pref is >= 2 and <= 3) a = a[(pref + 1)..];
        var end = a.IndexOfAny(['市', '町', '村']);
        return end < 0 ? a : a[..(end + 1)];
    }
}
