using Renkei.Web.Platform.Text;

namespace Renkei.Tests.Platform;

public sealed class JapaneseTextTests
{
    [Theory]
    [InlineData("ﾄｯﾄﾘ 髙橋ｸﾘﾆｯｸ", "とっとり高橋くりにっく")]
    [InlineData("トットリ　高橋クリニック", "とっとり高橋くりにっく")]
    [InlineData("とっとり・高橋くりにっく", "とっとり高橋くりにっく")]
    [InlineData("ＡＢＣ訪問看護", "abc訪問看護")]
    [InlineData("山﨑医院", "山崎医院")]
    [InlineData("霞ヶ関", "霞け関")]
    public void Search_keys_ignore_width_kana_spaces_and_variant_kanji(string text, string key) =>
        Assert.Equal(key, JapaneseText.SearchKey(text));

    [Theory]
    [InlineData("鳥取市東町一丁目２２０番地", "鳥取市東町1-220")]
    [InlineData("鳥取市東町1-220", "鳥取市東町1-220")]
    [InlineData("米子市西町３６番地１", "米子市西町36-1")]
    [InlineData("倉吉市宮川町１５１番地の２", "倉吉市宮川町151-2")]
    [InlineData("札幌市中央区北11条西14丁目1番72号", "札幌市中央区北11条西14-1-72")]
    [InlineData("一宮市本町二丁目３番５号", "一宮市本町2-3-5")]
    [InlineData("大阪市北区梅田３ー１ー１", "大阪市北区梅田3-1-1")]
    public void Addresses_compare_equal_whatever_numerals_and_marks_they_use(string address, string normalised) =>
        Assert.Equal(normalised, JapaneseText.NormalizeAddress(address));

    [Theory]
    [InlineData("0857-22-2346", "0857-22-2346")]
    [InlineData("０８５７－２２－２３４６", "0857-22-2346")]
    [InlineData("0857222346", "0857222346")]
    [InlineData("(0857)22-2346", "0857-22-2346")]
    [InlineData("なし", null)]
    public void Phone_numbers_are_normalised(string text, string? expected) => Assert.Equal(expected, ContactText.Phone(text));

    [Theory]
    [InlineData("www.example.jp", "http://www.example.jp/", null)]
    [InlineData("https://example.jp/a", "https://example.jp/a", null)]
    [InlineData("info@example.jp", null, "info@example.jp")]
    [InlineData("なし", null, null)]
    [InlineData("http://hoya-kosei@jcom.home.ne.jp", null, "hoya-kosei@jcom.home.ne.jp")]
    [InlineData("@mates.or.jp", null, null)]
    [InlineData("shiwakai@.or.jp", null, null)]
    public void The_url_column_is_split_into_url_or_email(string text, string? url, string? email) =>
        Assert.Equal((url, email), ContactText.UrlOrEmail(text));
}
