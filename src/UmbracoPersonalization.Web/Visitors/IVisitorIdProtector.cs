namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Signs visitor ids for the visitor cookie and verifies them. Replace it to share the key ring between several
/// instances, e.g. <c>new DataProtectionVisitorIdProtector(yourSharedDataProtectionProvider)</c>.
/// </summary>
public interface IVisitorIdProtector
{
    /// <summary>Creates a new random visitor id.</summary>
    string NewVisitorId();

    /// <summary>The cookie value for <paramref name="visitorId"/>.</summary>
    string Protect(string visitorId);

    /// <summary>Reads a cookie value; <c>false</c> for a tampered, forged, expired-key or malformed value. Never throws.</summary>
    bool TryUnprotect(string? cookieValue, out string visitorId);
}
