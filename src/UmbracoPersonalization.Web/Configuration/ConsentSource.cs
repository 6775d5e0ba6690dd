namespace UmbracoPersonalization.Web.Configuration;

/// <summary>Where the package reads consent from (see <see cref="PersonalizationSettings.ConsentSource"/>).</summary>
public enum ConsentSource
{
    /// <summary>The package's own consent cookie (set by the consent endpoint and banner).</summary>
    Cookie = 0,

    /// <summary>An IAB TCF v2.2 TC string in the <c>euconsent-v2</c> cookie; the own cookie when there is none.</summary>
    Tcf,
}
