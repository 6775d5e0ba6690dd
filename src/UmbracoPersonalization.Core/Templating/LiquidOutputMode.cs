namespace UmbracoPersonalization.Core.Templating;

/// <summary>How template output becomes HTML.</summary>
public enum LiquidOutputMode
{
    /// <summary>The template is HTML: its markup is kept, every model value is HTML-escaped.</summary>
    Html = 0,

    /// <summary>The template is plain text: the whole output is HTML-escaped.</summary>
    Text,
}
