using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform.Web;

/// <summary>
/// Refuses the second post of the same form (the token comes from <see cref="FormTokenTagHelper"/>):
/// the token is inserted before the handler runs, so of two simultaneous posts only one proceeds.
/// </summary>
public sealed class FormOnceFilter(RenkeiDb db, TimeProvider clock) : IAsyncPageFilter
{
    public const string FieldName = "__FormToken";
    public const string AlreadyProcessed = "このフォームはすでに送信され、処理されています（二重送信を防止しました）。最新の内容を確認してください。";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // An error page re-executed for this request sees the same form: it was counted already.
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        if (reExecuted || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType ||
            request.Form[FieldName].ToString() is not { Length: > 0 and <= 64 } token)
        {
            await next();
            return;
        }
        var submission = db.FormSubmissions.Add(new FormSubmission { Token = token, AtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            submission.State = EntityState.Detached;
            if (context.HandlerInstance is PageModel page) page.TempData["Message"] = AlreadyProcessed;
            context.Result = new RedirectResult(request.Path + request.QueryString);
            return;
        }
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            // The post failed: let the user try the same form again.
            db.ChangeTracker.Clear();
            await db.FormSubmissions.Where(f => f.Token == token).ExecuteDeleteAsync();
        }
    }
}
