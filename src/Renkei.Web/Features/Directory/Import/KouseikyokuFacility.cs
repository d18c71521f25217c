using System.Globalization;
using System.Text.RegularExpressions;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;
using Col = Renkei.Web.Features.Directory.Import.KouseikyokuColumn;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// One facility of a 届出受理医療機関名簿 from its rows (one per 届出): the 医療機関コード, the kind,
/// the contact fields and the functions its 受理記号 evidence, or the Japanese reason it is rejected.
/// </summary>
public static partial class KouseikyokuFacility
{
    /// <summary>区分 → 点数表番号 of the 医療機関コード, and the kinds a list of that 区分 speaks for.</summary>
    public static readonly IReadOnlyDictionary<string, (char Table, ProviderKind[] Kinds)> Sections = new Dictionary<string, (char, ProviderKind[])>
    {
        ["医科"] = ('1', [ProviderKind.Hospital, ProviderKind.Clinic]),
        ["歯科"] = ('3', [ProviderKind.DentalClinic]),
        ["薬局"] = ('4', [ProviderKind.Pharmacy]),
    };

    // 医療法 第1条の5: a 病院 has 20 beds or more, a 診療所 19 at most.
    private const int HospitalBeds = 20;

    [GeneratedRegex("^[0-9]{7}$")]
    private static partial Regex InstitutionNumber();

    [GeneratedRegex("^[^0-9]*?([0-9]+)$")]
    private static partial Regex BedPart();

    public static (ImportedProvider? Provider, RejectedRow? Rejected) Build(string prefecture, IReadOnlyList<KouseikyokuSheet.Row> rows, AddressMunicipality places)
    {
        var first = rows[0];
        var knownKey = Sections.TryGetValue(first[Col.Section], out var s0) && InstitutionNumber().IsMatch(Normalized(first[Col.Number]))
            ? prefecture + s0.Table + Normalized(first[Col.Number]) : null;
        RejectedRow Reject(string reason, KouseikyokuSheet.Row? row = null) =>
            new((row ?? first).Line, first[Col.Name].Length == 0 ? reason : $"{first[Col.Name]}: {reason}", knownKey);
        if (!places.IsPrefecture(prefecture)) return (null, Reject($"都道府県コード「{first[Col.PrefectureCode]}」が正しくありません。"));
        if (!Sections.TryGetValue(first[Col.Section], out var section)) return (null, Reject($"区分「{first[Col.Section]}」は医科・歯科・薬局のいずれでもありません。"));
        var number = Normalized(first[Col.Number]);
        if (!InstitutionNumber().IsMatch(number)) return (null, Reject($"医療機関番号「{first[Col.Number]}」は7桁の数字ではありません。"));
        if (first[Col.Name].Length == 0) return (null, Reject("医療機関名称が空です。"));
        var beds = Beds(first[Col.Beds]);
        var (kind, kindProblem) = section.Table == '1' ? MedicalKind(first[Col.TypeCode], beds, first[Col.Beds]) : (section.Kinds[0], null);
        if (kindProblem is not null) return (null, Reject(kindProblem));
        var (municipality, placeProblem) = Municipality(prefecture, first, places);
        if (placeProblem is not null) return (null, Reject(placeProblem));

        var functions = new Dictionary<string, DateOnly?>();
        foreach (var row in rows.Where(r => r[Col.Symbol].Length > 0))
        {
            if (!TryDate(row[Col.Since], out var since)) return (null, Reject($"算定開始年月日「{row[Col.Since]}」が日付として読めません（{row.Line}行目）。", row));
            foreach (var code in FunctionCatalog.FromAcceptanceSymbol(row[Col.Symbol]))
                functions[code] = Earliest(functions.GetValueOrDefault(code), since);
        }
        var fields = new Dictionary<string, string?>
        {
            ["Name"] = first[Col.Name],
            ["PrefectureCode"] = prefecture,
            ["MunicipalityCode"] = municipality,
            ["Address"] = first[Col.Address].Length == 0 ? null : first[Col.Address],
            ["Phone"] = ContactText.Phone(first[Col.Phone]),
            ["Fax"] = ContactText.Phone(first[Col.Fax]),
        };
        // A count with a part missing ("一般　　／療養　　200") is left out rather than stored too low.
        if (beds is { Complete: true } b) fields["Beds"] = b.Known.ToString(CultureInfo.InvariantCulture);
        var key = prefecture + section.Table + number;
        return (new ImportedProvider(first.Line, IdentifierScheme.MedicalInstitutionCode, key, kind, null, fields,
            [.. functions.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new ImportedFunction(f.Key, f.Value))]), null);
    }

    public static string Normalized(string text) => JapaneseText.NormalizeKC(text).Trim();

    // 種別コード 22 病院 / 23 診療所; lists without it (関東信越) are told apart by the number of beds.
    private static (ProviderKind Kind, string? Problem) MedicalKind(string typeCode, (int Known, bool Complete)? beds, string bedText) => Normalized(typeCode) switch
    {
        "22" => (ProviderKind.Hospital, null),
        "23" => (ProviderKind.Clinic, null),
        "" when beds is { Known: >= HospitalBeds } => (ProviderKind.Hospital, null),
        "" when beds is null or { Complete: true } => (ProviderKind.Clinic, null),
        "" => (ProviderKind.Clinic, $"種別コードがなく、病床数「{bedText}」も読めないため、病院か診療所か判断できません。"),
        var other => (ProviderKind.Clinic, $"種別コード「{other}」は病院（22）・診療所（23）のいずれでもありません。"),
    };

    /// <summary>"一般　　649／結核　　6／精神　　40" → 695: the sum of the counts, and whether every part had one. Null when blank.</summary>
    public static (int Known, bool Complete)? Beds(string text)
    {
        var s = Normalized(text);
        if (s.Length == 0) return null;
        var (known, complete) = (0, true);
        foreach (var part in s.Split('/', StringSplitOptions.TrimEntries))
        {
            var m = BedPart().Match(part);
            if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) known += n;
            else complete = false;
        }
        return (known, complete);
    }

    // The 市町村コード column when the list fills it (6 digits, 5 without the check digit, or 3 within the prefecture), else the address.
    private static (string? Code, string? Problem) Municipality(string prefecture, KouseikyokuSheet.Row row, AddressMunicipality places)
    {
        var text = Normalized(row[Col.MunicipalityCode]);
        if (text.Length == 0) return places.Find(prefecture, row[Col.Address]);
        var code = text.All(char.IsAsciiDigit) ? text.Length switch
        {
            6 => text,
            5 => LocalGovernmentCode.WithCheckDigit(text),
            3 => LocalGovernmentCode.WithCheckDigit(prefecture + text),
            _ => null,
        } : null;
        return code is not null && code.StartsWith(prefecture, StringComparison.Ordinal) && places.IsMunicipality(code)
            ? (code, null) : (null, $"市町村コード「{row[Col.MunicipalityCode]}」は都道府県コード {prefecture} の市区町村のコードではありません。");
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0) return true;
        if (Wareki.TryParse(text, out var d) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) date = d;
        return date is not null;
    }
}
