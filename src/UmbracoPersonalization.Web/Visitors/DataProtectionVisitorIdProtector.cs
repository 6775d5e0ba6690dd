using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Signs (and encrypts) visitor ids with ASP.NET Core Data Protection under the purpose
/// <c>UmbracoPersonalization.VisitorId</c>. Ids are 32 lower-case hex characters (128 random bits).
/// </summary>
public sealed class DataProtectionVisitorIdProtector : IVisitorIdProtector
{
    /// <summary>The Data Protection purpose string.</summary>
    public const string Purpose = "UmbracoPersonalization.VisitorId";

    private const int MaxCookieLength = 1024;
    private readonly IDataProtector _protector;

    /// <summary>Creates the protector over <paramref name="provider"/>.</summary>
    public DataProtectionVisitorIdProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public string NewVisitorId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <inheritdoc />
    public string Protect(string visitorId) => _protector.Protect(visitorId);

    /// <inheritdoc />
    public bool TryUnprotect(string? cookieValue, out string visitorId)
    {
        visitorId = string.Empty;
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > MaxCookieLength)
        {
            return false;
        }

        try
        {
            var value = _protector.Unprotect(cookieValue);
            if (value.Length != 32 || !value.All(char.IsAsciiHexDigitLower))
            {
                return false;
            }

            visitorId = value;
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
