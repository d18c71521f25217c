using System.Text;
using Renkei.Tests.Support;
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

    [Fact]
    public void Normalisation_without_icu_gives_nfkc_for_every_basic_multilingual_plane_character_it_keeps_or_maps()
    {
        // Each character alone, between kanji, beside full-width characters (the mapped path) and before a combining
        // dakuten (which must compose, or not, as NFKC says).
        for (var c = (char)0x20; c < 0xD800; c++)
        {
            foreach (var text in new[] { c.ToString(), "鳥" + c + "取", "Ａ" + c + "　", c + "\u3099" })
                Assert.True(text.Normalize(NormalizationForm.FormKC) == JapaneseText.NormalizeKC(text), $"U+{(int)c:X4} in \"{text}\"");
        }
    }

    [Fact]
    public void Every_name_and_address_in_the_real_care_service_files_normalises_as_nfkc()
    {
        var checkedTexts = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata"), "jigyosho_*.csv"))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var cells = line.Split(',');
                foreach (var text in new[] { cells[4], cells[5], cells[7] })
                {
                    Assert.Equal(text.Normalize(NormalizationForm.FormKC), JapaneseText.NormalizeKC(text));
                    checkedTexts++;
                }
            }
        }
        Assert.True(checkedTexts > 20_000, $"{checkedTexts} texts");
    }

    [Fact]
    public void The_search_key_of_every_character_is_its_nfkc_form_folded_and_lower_cased()
    {
        for (var c = (char)1; c < 0xD800; c++)
        {
            var nfkc = c.ToString().Normalize(NormalizationForm.FormKC);
            // The straightforward definition: katakana as hiragana, spaces, middle dots and control characters out, lower
            // case (variants aside).
            var expected = new string([.. nfkc
                .Select(x => x is >= 'ァ' and <= 'ヶ' ? (char)(x - 0x60) : x)
                .Where(x => !char.IsWhiteSpace(x) && !char.IsControl(x) && x is not ('・' or '･'))
                .Select(char.ToLowerInvariant)]);
            var key = JapaneseText.SearchKey(c.ToString());
            if (key != expected) Assert.True(Variant(nfkc), $"U+{(int)c:X4}: \"{key}\" instead of \"{expected}\"");
        }
    }

    // The variant kanji (and ヵヶ) the key folds on purpose.
    private static bool Variant(string nfkc) => nfkc.Length == 1 && "髙﨑嵜邊邉齋齊濵濱德櫻國澤廣惠眞瀨冨槇籠藪會團醫學藥ヶヵ".Contains(nfkc[0]);

    [Theory]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("Ｍｅｄｉｃａｌ　ＣＡＲＥ", "medicalcare")]
    [InlineData("ÀÉÎ訪問", "àéî訪問")]
    [InlineData("ΑΒΓ薬局", "αβγ薬局")]
    [InlineData("ⅡⅢ病棟", "iiiii病棟")]
    public void Search_keys_lower_case_every_letter_that_has_a_case(string text, string key) =>
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
