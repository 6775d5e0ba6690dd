using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// What an on-demand preference centre renders until it is opened: one link, written straight to the page (no view to
/// locate and run on the many pages where nobody opens it). Style it by its classes.
/// </summary>
internal sealed class PreferenceCentreOpenLink(string href, string text) : IHtmlContent
{
    /// <summary>The link's markup, encoded once (for a page whose link is the same on every request).</summary>
    public static HtmlString Render(string href, string text)
    {
        using var writer = new StringWriter();
        new PreferenceCentreOpenLink(href, text).WriteTo(writer, HtmlEncoder.Default);
        return new HtmlString(writer.ToString());
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<div class=\"up-preferences up-preferences--closed\" id=\"");
        writer.Write(PreferenceCentreViewComponent.ElementId);
        writer.Write("\"><a class=\"up-preferences__open\" rel=\"nofollow\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\">");
        encoder.Encode(writer, text);
        writer.Write("</a></div>");
    }
}
