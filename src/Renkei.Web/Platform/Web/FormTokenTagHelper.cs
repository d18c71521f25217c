using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Renkei.Web.Platform.Web;

/// <summary>Adds a fresh one-time token to every POST form (checked by <see cref="FormOnceFilter"/>).</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormTokenTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FormOnceFilter.FieldName}\" value=\"{Guid.NewGuid():N}\" />");
    }
}
