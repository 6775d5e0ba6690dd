namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// Contributes attributes that conditions can use, from the request (cookies, headers, the member) or the profile.
/// Providers run at most once per request, in registration order, when something first reads an attribute that is not
/// built in (after authentication): a request whose definitions read only built-in attributes runs none of them.
/// Register your own with <c>services.AddSingleton&lt;IVisitorAttributeProvider, MyProvider&gt;()</c>, e.g. one that
/// reads member properties through Umbraco's <c>IMemberManager</c>. Built-in attribute names (and dotted names under
/// them, such as <c>utm.campaign</c>) always win, and a name set by an earlier provider is kept. Must be fast, in-memory
/// work: no I/O.
/// </summary>
public interface IVisitorAttributeProvider
{
    /// <summary>Adds attributes for the current request.</summary>
    /// <param name="context">The request, the profile, and where to add the attributes.</param>
    void Contribute(VisitorAttributeContext context);
}
