using Renkei.Web.Features.Directory;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// The items of a survey in the order the provider sees them, with the key each answer is stored under.
/// </summary>
public static class SurveyItems
{
    /// <summary>Basic fields a survey may ask the provider to confirm.</summary>
    public static readonly string[] ConfirmableFields = ["Phone", "Fax", "Email", "OpenDays", "Hours", "Url"];

    public const string Yes = "yes";
    public const string No = "no";

    public static string FieldKey(string name) => "field:" + name;
    public static string FunctionKey(string code) => "function:" + code;
    public static string QuestionKey(int index) => "question:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed record Item(string Key, string Label, ItemKind Kind);

    public enum ItemKind { Field, Function, Question }

    public static IEnumerable<Item> Of(Survey s)
    {
        foreach (var f in s.FieldNames.Where(ProviderFields.ByName.ContainsKey)) yield return new(FieldKey(f), ProviderFields.ByName[f].Label, ItemKind.Field);
        foreach (var c in s.FunctionCodes.Where(FunctionCatalog.IsKnown)) yield return new(FunctionKey(c), FunctionCatalog.Name(c), ItemKind.Function);
        for (var i = 0; i < s.Questions.Count; i++) yield return new(QuestionKey(i), s.Questions[i], ItemKind.Question);
    }

    /// <summary>What the directory holds now for an item, as the provider and staff read it.</summary>
    public static string? Current(Item item, Provider p) => item.Kind switch
    {
        ItemKind.Field => ProviderFields.ByName[item.Key["field:".Length..]].Get(p),
        ItemKind.Function => p.Functions.Any(f => f.Code == item.Key["function:".Length..]) ? "対応あり" : "登録なし",
        _ => null,
    };

    /// <summary>The longest answer accepted: a field's own limit (診療時間 is long), 2000 for a free question.</summary>
    public static int MaxLength(Item item) => item.Kind switch
    {
        ItemKind.Question => 2000,
        ItemKind.Field => ProviderFields.ByName[item.Key["field:".Length..]].MaxLength,
        _ => 400,
    };

    public static string Display(string? value) => value switch
    {
        Yes => "対応している",
        No => "対応していない",
        null or "" => "（未回答）",
        _ => value,
    };
}
