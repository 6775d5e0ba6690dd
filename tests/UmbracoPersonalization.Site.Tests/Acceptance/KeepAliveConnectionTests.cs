using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>
/// A browser sends its cookies on one keep-alive connection, request after request, and the package keeps what it read
/// from them on that connection: a choice made or withdrawn there must count from the very next request. Served by
/// Kestrel on 127.0.0.1 (the test server has no connections).
/// </summary>
public sealed class KeepAliveConnectionTests
{
    private const string Banner = "Your privacy choices";

    [Fact]
    public async Task OnOneConnection_ConsentGivenThenWithdrawn_CountsFromTheNextRequest()
    {
        using var data = new TempFolder();
        await using var site = new SiteFactory(data.Path);
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var baseUrl = new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = Visitor.AsBrowser(new HttpClient(handler) { BaseAddress = baseUrl });
        var browser = new CookieJar();

        var anonymous = await browser.SendAsync(client, HttpMethod.Get, "/");
        Assert.Contains(Banner, anonymous.Html, StringComparison.Ordinal);

        await browser.SendAsync(client, HttpMethod.Post, Visitor.ConsentEndpoint, "all", baseUrl);
        var consented = browser.Get(Visitor.ConsentCookie);
        Assert.NotNull(consented);

        var first = await browser.SendAsync(client, HttpMethod.Get, "/");
        Assert.DoesNotContain(Banner, first.Html, StringComparison.Ordinal);
        var visitorId = browser.Get(Visitor.VisitorCookie);
        Assert.NotNull(visitorId); // identified from the first request after the choice

        var second = await browser.SendAsync(client, HttpMethod.Get, "/");
        Assert.DoesNotContain(Banner, second.Html, StringComparison.Ordinal);
        Assert.Empty(second.SetCookies); // the same cookies again: nothing to set
        Assert.Equal(visitorId, browser.Get(Visitor.VisitorCookie));

        await browser.SendAsync(client, HttpMethod.Post, Visitor.ConsentEndpoint, "necessary", baseUrl);
        Assert.NotEqual(consented, browser.Get(Visitor.ConsentCookie));

        // A browser that still sends the old visitor cookie: with consent withdrawn it is not read but deleted.
        browser.Set(Visitor.VisitorCookie, visitorId);
        var afterWithdrawal = await browser.SendAsync(client, HttpMethod.Get, "/");
        Assert.DoesNotContain(Banner, afterWithdrawal.Html, StringComparison.Ordinal);
        Assert.Contains(afterWithdrawal.SetCookies, c => c.StartsWith(Visitor.VisitorCookie + "=;", StringComparison.Ordinal));
        Assert.Null(browser.Get(Visitor.VisitorCookie));

        Assert.Equal(1, connections);
    }

    /// <summary>The cookies of one browser, sent as one <c>Cookie</c> header in a fixed order, as a browser does.</summary>
    private sealed class CookieJar
    {
        private readonly List<KeyValuePair<string, string>> _cookies = [];

        public string? Get(string name) => _cookies.FirstOrDefault(c => c.Key == name).Value;

        public void Set(string name, string? value)
        {
            var at = _cookies.FindIndex(c => c.Key == name);
            if (value is null)
            {
                if (at >= 0)
                {
                    _cookies.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                _cookies[at] = KeyValuePair.Create(name, value);
            }
            else
            {
                _cookies.Add(KeyValuePair.Create(name, value));
            }
        }

        public async Task<(string Html, IReadOnlyList<string> SetCookies)> SendAsync(
            HttpClient client, HttpMethod method, string path, string? purposes = null, Uri? origin = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (purposes is not null)
            {
                request.Content = new FormUrlEncodedContent([KeyValuePair.Create("purposes", purposes)]);
                request.Headers.Add("Origin", origin!.GetLeftPart(UriPartial.Authority));
            }

            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.SeeOther, $"{method} {path}: {(int)response.StatusCode}");
            var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..equals];
                var value = pair[(equals + 1)..];
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                Set(name, expired || value.Length == 0 ? null : value);
            }

            return (await response.Content.ReadAsStringAsync(), setCookies);
        }
    }
}
