using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

public sealed class StartupValidationTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("Umbraco:Personalization:SiteTimeZone", "Mars/Base")]
    [InlineData("Umbraco:Personalization:VisitorCookieName", "bad name;")]
    public async Task InvalidSetting_FailsStartUp_NamingTheKey(string key, string value)
    {
        await using var site = new SiteFactory(_data.Path, new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => site.CreateClient());

        Assert.NotNull(error);
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(key, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    public void Dispose() => _data.Dispose();
}
