using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Signs (and encrypts) visitor ids with ASP.NET Core Data Protection under the purpose
/// <c>UmbracoPersonalization.VisitorId</c>. Ids are 32 lower-case hex characters (128 random bits).
/// </summary>
/// <remarks>
/// Unprotecting costs a MAC check and a decryption on every request of a returning visitor, so cookies that verified
/// are remembered (the cookie value itself is the key, so only a value that verified before hits): at most
/// <see cref="MemoCapacity"/> of them (the memo is emptied when full), each for at most <see cref="MemoLifetime"/>.
/// A key revoked in the key ring therefore stops being accepted within that lifetime, not at once. The memo holds
/// nothing but the cookie value and the visitor id it carries, both already known to the visitor.
/// </remarks>
public sealed class DataProtectionVisitorIdProtector : IVisitorIdProtector
{
    /// <summary>The Data Protection purpose string.</summary>
    public const string Purpose = "UmbracoPersonalization.VisitorId";

    /// <summary>The most verified cookie values remembered.</summary>
    public const int MemoCapacity = 10_000;

    /// <summary>How long a verified cookie value is remembered.</summary>
    public static readonly TimeSpan MemoLifetime = TimeSpan.FromMinutes(5);

    private const int MaxCookieLength = 1024;
    private readonly IDataProtector _protector;
    private readonly ConcurrentDictionary<string, (string VisitorId, long ExpiresAt)> _memo = new(StringComparer.Ordinal);

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

        var now = Environment.TickCount64;
        if (_memo.TryGetValue(cookieValue, out var remembered) && now < remembered.ExpiresAt)
        {
            visitorId = remembered.VisitorId;
            return true;
        }

        try
        {
            var value = _protector.Unprotect(cookieValue);
            if (value.Length != 32 || !value.All(char.IsAsciiHexDigitLower))
            {
                return false;
            }

            if (_memo.Count >= MemoCapacity)
            {
                _memo.Clear();
            }

            _memo[cookieValue] = (value, now + (long)MemoLifetime.TotalMilliseconds);
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
