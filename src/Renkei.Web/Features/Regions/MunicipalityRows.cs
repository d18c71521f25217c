using System.Globalization;

namespace Renkei.Web.Features.Regions;

/// <summary>
/// Municipalities and wards from localgovjp-utf8.csv (codes validated by check digit), with the
/// 2020-era wards replaced by their successors from <see cref="CodeChanges"/>.
/// </summary>
public static class MunicipalityRows
{
    public static Dictionary<string, Municipality> Parse(string path, IReadOnlyList<Prefecture> prefectures, CodeChanges changes)
    {
        var file = Path.GetFileName(path);
        var rows = ReferenceDataParser.Rows(path, ["pid", "city", "citykana", "lat", "lng", "lgcode"], out var col);
        var result = new Dictionary<string, Municipality>();
        var retired = new List<Municipality>();
        foreach (var row in rows)
        {
            var code = ReferenceDataParser.Field(path, row, col["lgcode"]);
            if (LocalGovernmentCode.Problem(code) is { } problem) throw new ReferenceDataException(file, row.LineNumber, problem);
            var prefCode = int.Parse(ReferenceDataParser.Field(path, row, col["pid"]), CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture);
            if (code[..2] != prefCode) throw new ReferenceDataException(file, row.LineNumber, $"団体コード「{code}」が都道府県番号 {prefCode} と一致しません。");
            var rawName = ReferenceDataParser.Field(path, row, col["city"]);
            var m = new Municipality
            {
                Code = code,
                // Wards are written "札幌市 中央区"; the space marks the parent city.
                Name = rawName.Replace(" ", "", StringComparison.Ordinal),
                Kana = ReferenceDataParser.Field(path, row, col["citykana"]).Replace(" ", "", StringComparison.Ordinal),
                PrefectureCode = prefCode,
                Latitude = ReferenceDataParser.Number(path, row, col["lat"]),
                Longitude = ReferenceDataParser.Number(path, row, col["lng"]),
                ParentCode = rawName.Contains(' ', StringComparison.Ordinal) ? rawName[..rawName.IndexOf(' ', StringComparison.Ordinal)] : null,
            };
            if (changes.TryGetSuccessor(code[..5], out _)) { retired.Add(m); continue; }
            if (!result.TryAdd(code, m)) throw new ReferenceDataException(file, row.LineNumber, $"団体コード「{code}」が重複しています。");
        }
        AddSuccessors(result, retired, changes, file);
        ResolveKinds(result, file);
        if (prefectures.Select(p => p.Code).Except(result.Values.Select(m => m.PrefectureCode)).FirstOrDefault() is { } empty)
            throw new ReferenceDataException(file, 0, $"都道府県 {empty} の市区町村がありません。");
        return result;
    }

    // A successor's centroid is the mean of its predecessors' (flagged approximate).
    private static void AddSuccessors(Dictionary<string, Municipality> result, List<Municipality> retired, CodeChanges changes, string file)
    {
        foreach (var s in changes.Successors)
        {
            var parts = retired.Where(r => changes.Current(r.Code[..5]) == s.Code).ToList();
            if (parts.Count == 0) throw new ReferenceDataException(file, 0, $"{s.Name}（{s.Code}）の旧区が見つかりません。");
            result[s.Code] = new Municipality
            {
                Code = s.Code,
                Name = s.Name,
                Kana = s.Kana.Replace(" ", "", StringComparison.Ordinal),
                PrefectureCode = parts[0].PrefectureCode,
                ParentCode = parts[0].ParentCode,
                Latitude = parts.Average(p => p.Latitude),
                Longitude = parts.Average(p => p.Longitude),
                CentroidApproximate = true,
            };
        }
    }

    // ParentCode holds the parent's *name* until here; turn it into the code and classify each row.
    private static void ResolveKinds(Dictionary<string, Municipality> result, string file)
    {
        var byPrefAndName = result.Values.Where(m => m.ParentCode is null).ToDictionary(m => (m.PrefectureCode, m.Name));
        foreach (var m in result.Values.Where(m => m.ParentCode is not null))
        {
            if (!byPrefAndName.TryGetValue((m.PrefectureCode, m.ParentCode!), out var parent))
                throw new ReferenceDataException(file, 0, $"{m.Name} の親市「{m.ParentCode}」が見つかりません。");
            m.ParentCode = parent.Code;
            m.Kind = MunicipalityKind.Ward;
            parent.Kind = MunicipalityKind.DesignatedCity;
        }
        foreach (var m in result.Values.Where(m => m.Kind == 0))
        {
            m.Kind = m.Name switch
            {
                _ when m.PrefectureCode == "13" && m.Code.StartsWith("131", StringComparison.Ordinal) => MunicipalityKind.SpecialWard,
                _ when m.Name.EndsWith('市') => MunicipalityKind.City,
                _ when m.Name.EndsWith('町') => MunicipalityKind.Town,
                _ when m.Name.EndsWith('村') => MunicipalityKind.Village,
                _ => MunicipalityKind.City,
            };
        }
    }
}
