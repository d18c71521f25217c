namespace Renkei.Web.Features.Regions;

/// <summary>
/// 二次医療圏 (構想区域) and their municipalities from municipality_to_iryoken2.csv (2020 codes,
/// mapped through <see cref="CodeChanges"/>). A designated city gets an area only when all its wards share one.
/// </summary>
public static class SecondaryAreaRows
{
    public static List<SecondaryArea> Apply(string path, Dictionary<string, Municipality> municipalities, CodeChanges changes)
    {
        var file = Path.GetFileName(path);
        var rows = ReferenceDataParser.Rows(path, ["muni_code", "area_code", "area_name", "pref_code"], out var col);
        var areas = new Dictionary<string, SecondaryArea>();
        foreach (var row in rows)
        {
            var muniCode = ReferenceDataParser.Field(path, row, col["muni_code"]);
            var areaCode = ReferenceDataParser.Field(path, row, col["area_code"]);
            var prefCode = ReferenceDataParser.Field(path, row, col["pref_code"]);
            if (muniCode.Length != 5 || !muniCode.All(char.IsAsciiDigit))
                throw new ReferenceDataException(file, row.LineNumber, $"市区町村コード「{muniCode}」は5桁の数字ではありません。");
            if (areaCode.Length != 4 || areaCode[..2] != prefCode)
                throw new ReferenceDataException(file, row.LineNumber, $"医療圏コード「{areaCode}」が都道府県コード {prefCode} と一致しません。");
            if (!municipalities.TryGetValue(changes.Current(muniCode), out var m))
                throw new ReferenceDataException(file, row.LineNumber, $"市区町村コード「{muniCode}」は市区町村一覧にありません。");
            if (m.PrefectureCode != prefCode)
                throw new ReferenceDataException(file, row.LineNumber, $"{m.Name} は都道府県 {prefCode} に属していません。");
            if (m.SecondaryAreaCode is not null && m.SecondaryAreaCode != areaCode)
                throw new ReferenceDataException(file, row.LineNumber, $"{m.Name} が二つの医療圏（{m.SecondaryAreaCode}, {areaCode}）に割り当てられています。");
            m.SecondaryAreaCode = areaCode;
            areas.TryAdd(areaCode, new SecondaryArea { Code = areaCode, Name = ReferenceDataParser.Field(path, row, col["area_name"]), PrefectureCode = prefCode });
        }
        foreach (var city in municipalities.Values.Where(m => m.Kind == MunicipalityKind.DesignatedCity))
        {
            var wardAreas = municipalities.Values.Where(w => w.ParentCode == city.Code).Select(w => w.SecondaryAreaCode).Distinct().ToList();
            city.SecondaryAreaCode = wardAreas.Count == 1 ? wardAreas[0] : null;
        }
        if (municipalities.Values.FirstOrDefault(m => m.SecondaryAreaCode is null && m.Kind != MunicipalityKind.DesignatedCity) is { } orphan)
            throw new ReferenceDataException(file, 0, $"{orphan.Name}（{orphan.Code}）の二次医療圏がありません。");
        return [.. areas.Values];
    }
}
