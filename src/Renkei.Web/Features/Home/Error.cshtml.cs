using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renkei.Web.Features.Home;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code ?? 500;
        RequestId = HttpContext.TraceIdentifier;
    }

    public string Title => Code switch
    {
        403 => "アクセスできません",
        404 => "ページが見つかりません",
        400 => "リクエストが正しくありません",
        _ => "エラーが発生しました",
    };

    public string Explanation => Code switch
    {
        403 => "このデータを見る・変更する権限がありません。所属組織の担当範囲外のデータは扱えません。",
        404 => "URL が正しいか確認してください。データが削除された可能性もあります。",
        400 => "送信内容に問題がありました。画面を開き直してからもう一度お試しください。",
        _ => "処理中に問題が起きました。入力した内容は保存されていない可能性があります。時間をおいてもう一度お試しください。",
    };
}
