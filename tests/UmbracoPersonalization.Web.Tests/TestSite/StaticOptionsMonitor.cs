using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>An options monitor over a fixed value.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
