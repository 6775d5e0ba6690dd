using Microsoft.AspNetCore.DataProtection;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Visitors;

public sealed class DataProtectionVisitorIdProtectorTests
{
    [Fact]
    public void TryUnprotect_RoundTripsAndRemembersAVerifiedCookie()
    {
        var provider = new CountingProvider();
        var protector = new DataProtectionVisitorIdProtector(provider);
        var id = protector.NewVisitorId();
        var cookie = protector.Protect(id);

        Assert.True(protector.TryUnprotect(cookie, out var first));
        Assert.True(protector.TryUnprotect(cookie, out var second));

        Assert.Equal(id, first);
        Assert.Equal(id, second);
        Assert.Equal(1, provider.Unprotects);
    }

    [Fact]
    public void TryUnprotect_RejectsATamperedCookieEvenAfterTheGenuineOneWasRemembered()
    {
        var provider = new CountingProvider();
        var protector = new DataProtectionVisitorIdProtector(provider);
        var cookie = protector.Protect(protector.NewVisitorId());
        Assert.True(protector.TryUnprotect(cookie, out _));

        var tampered = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];

        Assert.False(protector.TryUnprotect(tampered, out var visitorId));
        Assert.Equal(string.Empty, visitorId);
        Assert.False(protector.TryUnprotect(tampered, out _));
        Assert.Equal(3, provider.Unprotects);
    }

    private sealed class CountingProvider : IDataProtectionProvider
    {
        private readonly IDataProtectionProvider _inner = new EphemeralDataProtectionProvider();

        public int Unprotects { get; private set; }

        public IDataProtector CreateProtector(string purpose) => new Counting(_inner.CreateProtector(purpose), this);

        private sealed class Counting(IDataProtector inner, CountingProvider owner) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), owner);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                owner.Unprotects++;
                return inner.Unprotect(protectedData);
            }
        }
    }
}
