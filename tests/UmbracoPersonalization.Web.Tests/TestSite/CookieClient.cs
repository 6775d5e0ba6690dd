using System.Net;
using Microsoft.AspNetCore.TestHost;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>An HTTP client over the test server that keeps cookies like a browser and shows each response's Set-Cookie headers.</summary>
public sealed class CookieClient : IDisposable
{
    private readonly HttpClient _client;

    public CookieClient(TestServer server, bool https)
    {
        BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/");
        Cookies = new CookieContainer();
        var handler = new CookieHandler(Cookies) { InnerHandler = server.CreateHandler() };
        _client = new HttpClient(handler) { BaseAddress = BaseAddress };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(TestSite.BrowserUserAgent);
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _client;

    public string? GetCookie(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public void SetCookie(string name, string value) => Cookies.Add(BaseAddress, new Cookie(name, value, "/"));

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        return _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostConsentAsync(HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/consent") { Content = content };
        request.Headers.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));
        configure?.Invoke(request);
        return _client.SendAsync(request);
    }

    public void Dispose() => _client.Dispose();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
