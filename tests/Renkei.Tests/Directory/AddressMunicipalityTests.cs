using Renkei.Web.Features.Directory.Import;
using Place = Renkei.Web.Features.Directory.Import.AddressMunicipality.Place;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>Municipality from an address's leading name, with the real codes of the places named.</summary>
public sealed class AddressMunicipalityTests
{
    private static readonly AddressMunicipality Places = new(
        [("31", "鳥取県"), ("22", "静岡県"), ("07", "福島県"), ("29", "奈良県"), ("34", "広島県")],
        [
            new("312011", "鳥取市", "31"), new("312029", "米子市", "31"), new("313297", "八頭町", "31"), new("313904", "伯耆町", "31"),
            new("221309", "浜松市", "22"), new("221384", "浜松市中央区", "22"), new("221392", "浜松市浜名区", "22"),
            new("072036", "郡山市", "07"), new("292036", "大和郡山市", "29"),
            new("342084", "府中市", "34"), new("343021", "府中町", "34"),
        ]);

    [Theory]
    [InlineData("31", "鳥取市雲山５７", "312011")]                   // no prefecture, as the 厚生局 lists write it
    [InlineData("31", "鳥取県鳥取市東町一丁目２２０番地", "312011")]   // with the prefecture
    [InlineData("31", "八頭郡八頭町郡家１００", "313297")]            // 郡 before the town; 郡家 is a street in it
    [InlineData("31", "鳥取県西伯郡伯耆町吉長３７－３", "313904")]    // prefecture and 郡
    [InlineData("31", "鳥取県 西伯郡 伯耆町 吉長", "313904")]         // spaces between the parts
    [InlineData("22", "浜松市中央区元城町１０３－２", "221384")]      // a designated city's ward beats the city
    [InlineData("22", "静岡県浜松市浜名区小松", "221392")]
    [InlineData("22", "浜松市鍛冶町１００", "221309")]                // the city alone when no ward is written
    [InlineData("07", "郡山市朝日一丁目２３－７", "072036")]          // a city whose name starts with 郡
    [InlineData("29", "大和郡山市北郡山町２４８－４", "292036")]      // 郡 inside the city's name
    [InlineData("34", "安芸郡府中町大通", "343021")]                  // 府中町 and 府中市 are different places
    [InlineData("34", "府中市府川町３１５", "342084")]
    public void The_municipality_is_the_longest_name_the_address_starts_with(string prefecture, string address, string code)
    {
        var (found, problem) = Places.Find(prefecture, address);
        Assert.Null(problem);
        Assert.Equal(code, found);
    }

    [Theory]
    [InlineData("31", "倉吉市上井町", "市区町村名と一致しません")]          // not in the list
    [InlineData("31", "島根県松江市殿町", "市区町村名と一致しません")]      // another prefecture's address
    [InlineData("22", "中央区元城町", "市区町村名と一致しません")]          // a ward without its city
    [InlineData("31", "  ", "所在地が空です")]
    [InlineData("13", "千代田区", "都道府県コード「13」の市区町村がわかりません")]
    public void An_unknown_address_gets_a_reason_not_a_guess(string prefecture, string address, string reason)
    {
        var (found, problem) = Places.Find(prefecture, address);
        Assert.Null(found);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_places_that_fit_equally_are_ambiguous()
    {
        // Not a real pair: two entries with one name, as a damaged municipality list would have.
        var places = new AddressMunicipality([("31", "鳥取県")], [new Place("312011", "鳥取市", "31"), new Place("319999", "鳥取市", "31")]);
        var (found, problem) = places.Find("31", "鳥取市雲山５７");
        Assert.Null(found);
        Assert.Contains("一つに決められません", problem, StringComparison.Ordinal);
    }
}
