using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Renkei.Web.Features.Accounts;

/// <summary>Identity's validation messages in Japanese.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"パスワードは{length}文字以上にしてください。"));
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "パスワードに数字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "パスワードに英小文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "パスワードに英大文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "パスワードに記号を1文字以上含めてください。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "パスワードが正しくありません。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"ユーザー名「{userName}」はすでに使われています。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"ユーザー名「{userName}」は使えません（英数字と @ . - _ のみ）。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "他の人が先にこのアカウントを更新しました。もう一度開き直してください。");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "処理できませんでした。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "確認コードが正しくないか、期限切れです。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"すでに役割「{Roles.Japanese(role)}」を持っています。");
}
