using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Renkei.Web.Platform.Web;

/// <summary>
/// Model-binding messages in Japanese. The forms cannot normally produce these (they offer only valid
/// choices), but a tampered or stale post must still get a message the user can read.
/// </summary>
public static class JapaneseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{value}」は{field}の値として正しくありません。");
        m.SetMissingBindRequiredValueAccessor(field => $"{field}を入力してください。");
        m.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "送信内容が空です。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "正しい値ではありません。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "数値で入力してください。");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}の値が正しくありません。");
        m.SetValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        m.SetValueMustBeANumberAccessor(field => $"{field}は数値で入力してください。");
        m.SetValueMustNotBeNullAccessor(value => $"「{value}」は空にできません。");
    }
}
